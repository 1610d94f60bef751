import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok } from '../../shared/api/result';
import { createDispatcher } from '../services/dispatcher';
import { createHandlers } from '../services/handlers';
import { tempDir, testFormat } from '../services/testSupport';
import { modelCodec } from '../services/wiring';
import { startWebServer, type Emit, type WebServer } from './webServer';

let server: WebServer | null = null;
let emitEvent: Emit | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<WebServer & { dir: string }> {
  const dir = await tempDir();
  const staticDir = path.join(dir, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Blockprop</title>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  server = await startWebServer({
    port: 0,
    staticDir,
    createDispatcher: (emit) => {
      emitEvent = emit;
      const handlers = createHandlers({
        mode: 'web',
        configDir: path.join(dir, 'config'),
        version: '0.0.0-test',
        versions: { node: process.versions.node, electron: null, chrome: null },
        format: testFormat,
        codec: modelCodec,
        engine: () => null,
        emit,
      });
      return createDispatcher({ ...handlers, 'fs.home': async () => ok({ home: dir, cwd: dir, sep: path.sep }) });
    },
  });
  return { ...server, dir };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function connect(url: string, origin?: string): Promise<{ ws: WebSocket; status: 'open' } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin !== undefined ? { origin } : {});
    ws.on('open', () => resolve({ ws, status: 'open' }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

function call(ws: WebSocket, id: number, method: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message: unknown = JSON.parse(data.toString());
      if (typeof message === 'object' && message !== null && 'id' in message && message.id === id) {
        ws.off('message', onMessage);
        resolve('result' in message ? message.result : undefined);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, payload }));
  });
}

describe('web server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(s.token.length).toBe(32);
    expect(s.host).toBe('127.0.0.1');
    // Not reachable through any other interface of this machine.
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external !== undefined) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: external.address, port: s.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached).toBe(false);
    }
  });

  it('serves the renderer with MIME types, a strict CSP and no-referrer', async () => {
    const s = await start();
    const index = await request(s.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${s.port}`);
    expect(index.headers['content-security-policy']).toContain("object-src 'none'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(s.port, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(s.port, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request(s.port, { path: '/nope.js' })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt'])('does not serve %s outside the renderer', async (p) => {
    const s = await start();
    const reply = await request(s.port, { path: p });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('secret');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const s = await start();
    expect((await request(s.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it.each([
    ['no token', '', {}],
    ['a wrong token', '?token=wrong', {}],
    ['a token of the right length but wrong', '?token=' + 'A'.repeat(32), {}],
  ])('HTTP API with %s -> 403', async (_label, query, headers) => {
    const s = await start();
    const reply = await request(s.port, { path: `/api/app.info${query}`, method: 'POST', body: '{}', headers });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('Blockprop"');
  });

  it('HTTP API with the token answers result values; invalid payloads are error values', async () => {
    const s = await start();
    const info = await request(s.port, { path: `/api/app.info?token=${s.token}`, method: 'POST', body: '{}' });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { name: 'Blockprop', mode: 'web', nativeDialogs: false } });
    const bad = await request(s.port, { path: '/api/fs.list', method: 'POST', body: '{"dir": 7}', headers: { 'X-Blockprop-Token': s.token } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const notJson = await request(s.port, { path: `/api/fs.list?token=${s.token}`, method: 'POST', body: '{dir' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await request(s.port, { path: `/api/rm.rf?token=${s.token}`, method: 'POST', body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('HTTP API refuses a foreign Origin even with the token', async () => {
    const s = await start();
    const reply = await request(s.port, { path: `/api/app.info?token=${s.token}`, method: 'POST', body: '{}', headers: { Origin: 'http://evil.example' } });
    expect(reply.status).toBe(403);
  });

  it.each([
    ['no token', (s: WebServer) => `ws://127.0.0.1:${s.port}/api/ws`, undefined],
    ['a wrong token', (s: WebServer) => `ws://127.0.0.1:${s.port}/api/ws?token=x${s.token}`, undefined],
    ['a foreign Origin', (s: WebServer) => `ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, 'http://evil.example'],
    ['another local port as Origin', (s: WebServer) => `ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, 'http://127.0.0.1:1'],
  ])('WebSocket with %s is refused', async (_label, url, origin) => {
    const s = await start();
    const result = await connect(url(s), origin);
    expect(result.status).toBe(403);
  });

  it('WebSocket with token and our Origin: calls, invalid payloads as values, events', async () => {
    const s = await start();
    const result = await connect(`ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, `http://127.0.0.1:${s.port}`);
    if (result.status !== 'open') throw new Error(`not connected: ${result.status}`);
    const { ws } = result;
    expect(await call(ws, 1, 'fs.home', {})).toEqual({ ok: true, value: { home: s.dir, cwd: s.dir, sep: path.sep } });
    expect(await call(ws, 2, 'fs.list', { dir: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(ws, 3, 'dialog.open', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await call(ws, 4, 'train.start', { graph: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const event = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    emitEvent?.('menu.command', { command: 'save' });
    expect(await event).toEqual({ event: 'menu.command', payload: { command: 'save' } });
    // a message without id or method is answered, not crashed on
    const answer = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send('not json');
    expect(await answer).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid-request' } } });
    ws.close();
  });
});
