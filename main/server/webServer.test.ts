import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok } from '../../shared/api/result';
import { createDispatcher } from '../services/dispatcher';
import { tempDir, testHandlers } from '../services/testSupport';
import { startWebServer, type Emit, type WebServer } from './webServer';

let server: WebServer | null = null;
let emitEvent: Emit | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(overrides: Partial<ReturnType<typeof testHandlers>> = {}): Promise<WebServer & { dir: string }> {
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
      const handlers = testHandlers('web', path.join(dir, 'config'), emit);
      return createDispatcher({ ...handlers, 'fs.home': async () => ok({ home: dir, cwd: dir, sep: path.sep }), ...overrides });
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
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
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
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
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

/** A raw TCP WebSocket handshake (no ws client: it would refuse to send the broken frames). */
async function rawSocket(s: WebServer): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port: s.port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  socket.write(
    [
      `GET /api/ws?token=${s.token} HTTP/1.1`,
      `Host: 127.0.0.1:${s.port}`,
      `Origin: http://127.0.0.1:${s.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  let head = Buffer.alloc(0);
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  expect(head.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

/** Everything the server sends until it closes the connection; the close frame's status code. */
function closeCode(socket: net.Socket): Promise<number | null> {
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => (data = Buffer.concat([data, chunk])));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // an unmasked server frame: 0x88, length, then the 2-byte code
      const at = data.indexOf(0x88);
      resolve(at >= 0 && data.length >= at + 4 ? data.readUInt16BE(at + 2) : null);
    });
  });
}

function frame(firstByte: number, payload: Buffer, masked = true): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0))) : payload;
  return Buffer.concat([Buffer.from([firstByte, (masked ? 0x80 : 0) | payload.length]), masked ? mask : Buffer.alloc(0), body]);
}

describe('web server under malformed WebSocket input', () => {
  it.each([
    ['invalid UTF-8 in a text frame', frame(0x81, Buffer.from([0xff, 0xfe, 0x7b])), 1007],
    ['reserved opcode 3', frame(0x83, Buffer.from('{}')), 1002],
    ['RSV1 without an extension', frame(0xc1, Buffer.from('{}')), 1002],
    ['an unmasked client frame', frame(0x81, Buffer.from('{}'), false), 1002],
    // a header announcing 2^40 bytes: refused from the header, before any of it is read
    ['a message over the size limit', Buffer.from([0x81, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4]), 1009],
  ])('%s closes that socket (code %s) and the server keeps answering', async (_label, bytes, code) => {
    const s = await start();
    const bad = await rawSocket(s);
    const closed = closeCode(bad);
    bad.write(bytes);
    expect(await closed).toBe(code);
    const next = await connect(`ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, `http://127.0.0.1:${s.port}`);
    if (next.status !== 'open') throw new Error(`not connected: ${next.status}`);
    expect(await call(next.ws, 1, 'fs.home', {})).toMatchObject({ ok: true });
    next.ws.close();
  });

  it('a reply that cannot be encoded (too deeply nested) becomes an error reply', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = { next: deep };
    const s = await start({ 'fs.home': async () => ok({ home: '', cwd: '', sep: '/', deep }) });
    const result = await connect(`ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, `http://127.0.0.1:${s.port}`);
    if (result.status !== 'open') throw new Error(`not connected: ${result.status}`);
    expect(await call(result.ws, 7, 'fs.home', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await call(result.ws, 8, 'app.info', {})).toMatchObject({ ok: true });
    const http = await request(s.port, { path: `/api/fs.home?token=${s.token}`, method: 'POST', body: '{}' });
    expect(JSON.parse(http.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    result.ws.close();
  });

  it('a handler that throws becomes an error reply', async () => {
    const s = await start({
      'fs.home': async () => {
        throw new Error('boom');
      },
    });
    const result = await connect(`ws://127.0.0.1:${s.port}/api/ws?token=${s.token}`, `http://127.0.0.1:${s.port}`);
    if (result.status !== 'open') throw new Error(`not connected: ${result.status}`);
    expect(await call(result.ws, 1, 'fs.home', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    result.ws.close();
  });

  it('a malformed HTTP request gets 400 and the server keeps serving', async () => {
    const s = await start();
    const socket = net.connect({ host: '127.0.0.1', port: s.port });
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    socket.write('GET / HTTP/1.1\r\nHost: \x01\x02bad header\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await request(s.port, { path: '/' })).status).toBe(200);
  });
});
