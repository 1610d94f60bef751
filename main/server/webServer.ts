import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventOf } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Dispatcher } from '../services/dispatcher';
import { hostAllowed, newToken, originAllowed, securityHeaders, tokenMatches, webCsp } from './security';
import { mimeType, notBuiltPage, readStatic } from './staticFiles';
import { parseClientMessage } from './wireFormat';

/** The address browser mode listens on: loopback only, never the network. */
export const LOOPBACK = '127.0.0.1';
/**
 * The largest API request (HTTP body or WebSocket message); bigger ones are refused, not read.
 * Room for the autosave of a very large project (a 200 MB one killed the server before; now it
 * fits, and anything larger closes that one connection with 1009).
 */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
const WS_PATH = '/api/ws';

/**
 * A handler's result as reply text. Encoding can itself fail (a stack overflow on a deeply nested
 * value, a BigInt, a string over V8's limit): then the caller gets an error value, not a dead server.
 */
export function encodeReply(id: number | string | null, result: unknown): string {
  try {
    return JSON.stringify({ id, result });
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is too large or too deeply nested to send' : 'it could not be encoded';
    return JSON.stringify({ id, result: fail('internal', `Blockprop could not send the reply: ${reason}.`) });
  }
}

export type Emit = <E extends EventName>(event: E, payload: EventOf<E>) => void;

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** Builds the API dispatcher; `emit` broadcasts an event to every connected page. */
  readonly createDispatcher: (emit: Emit) => Dispatcher;
  readonly token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  /** The address actually bound (always 127.0.0.1). */
  readonly host: string;
  readonly token: string;
  readonly emit: Emit;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer over HTTP plus the contract over a WebSocket (and plain
 * POST /api/<method> for scripts), on 127.0.0.1 only, each API request checked for the run's
 * token, our Origin and our Host, each payload validated by the dispatcher against the contract.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const clients = new Set<WebSocket>();
  const emit: Emit = (event, payload) => {
    let message: string;
    try {
      message = JSON.stringify({ event, payload });
    } catch {
      return; // an event that cannot be encoded is dropped, never thrown into the engine's callbacks
    }
    for (const socket of clients) if (socket.readyState === socket.OPEN) socket.send(message);
  };
  const dispatcher = options.createDispatcher(emit);
  let port = 0;

  /** The dispatcher never throws by contract; this keeps that true even if a handler rejects oddly. */
  async function invokeSafely(method: unknown, payload: unknown): Promise<unknown> {
    try {
      return await dispatcher.invoke(method, payload);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail('internal', `Blockprop hit an internal error: ${message.slice(0, 200)}`);
    }
  }

  function refuse(res: http.ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
    res.end(message + '\n');
  }

  function guard(req: http.IncomingMessage, url: URL): string | null {
    if (!hostAllowed(req.headers.host, port)) return 'Unknown Host.';
    if (!originAllowed(req.headers.origin, port)) return 'Requests from other sites are refused.';
    const header = req.headers['x-blockprop-token'];
    const given = typeof header === 'string' ? header : url.searchParams.get('token');
    if (!tokenMatches(token, given)) return 'Missing or wrong token: open the URL Blockprop printed.';
    return null;
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const denied = guard(req, url);
    if (denied !== null) return refuse(res, 403, denied);
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > MAX_BODY_BYTES) return refuse(res, 413, 'Request too large.');
      chunks.push(buffer);
    }
    let payload: unknown = {};
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      payload = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      payload = undefined;
    }
    const result =
      payload === undefined ? fail('invalid-request', 'The request body is not JSON.') : await invokeSafely(url.pathname.slice('/api/'.length), payload);
    let body: string;
    try {
      body = JSON.stringify(result);
    } catch {
      body = JSON.stringify(fail('internal', 'Blockprop could not send the reply: it is too large or too deeply nested to send.'));
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
    res.end(body);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, 'Unknown Host.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const headers = { ...securityHeaders, 'Content-Security-Policy': webCsp(port) };
    const found = await readStatic(options.staticDir, url.pathname);
    if (found === null) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(req.method === 'HEAD' ? undefined : notBuiltPage);
      }
      return refuse(res, 404, 'Not found.');
    }
    const isHtml = path.extname(found.file) === '.html';
    res.writeHead(200, {
      ...headers,
      'Content-Type': mimeType(found.file),
      'Content-Length': found.body.length,
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handled = url.pathname.startsWith('/api/') ? serveApi(req, res, url) : serveStatic(req, res, url);
    handled.catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  // A malformed HTTP request: answer 400 on that connection only (Node's default also does,
  // but a listener keeps a socket error there from ever reaching the process).
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A reset during or after the handshake is that connection's problem, never the process's.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const denied = url.pathname !== WS_PATH ? 'Not found.' : guard(req, url);
    if (denied !== null) {
      socket.end(
        `HTTP/1.1 ${url.pathname !== WS_PATH ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${denied}\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    let alive = true;
    ws.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    heartbeat.unref();
    // ws validates every frame (UTF-8 of text frames, reserved opcodes and RSV bits, client
    // masking, maxPayload) and on a bad one emits 'error' and closes this socket with the
    // matching code (1007, 1002, 1009) before emitting it, then drops the socket if the peer does
    // not answer. Without this listener that 'error' would end the process.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      clients.delete(ws);
      clearInterval(heartbeat);
    });
    ws.on('message', (data, isBinary) => {
      const parsed = parseClientMessage(isBinary ? null : data.toString());
      if (!parsed.ok) {
        ws.send(encodeReply(parsed.error.id, fail('invalid-request', parsed.error.message)));
        return;
      }
      const call = parsed.value;
      void invokeSafely(call.method, call.payload).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeReply(call.id, result));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : options.port;
  const host = typeof address === 'object' && address !== null ? address.address : LOOPBACK;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    host,
    token,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The renderer bundle: dist/renderer beside the running bundle (dist/cli.cjs) or under the repo. */
export function findStaticDir(candidates: readonly string[]): string {
  for (const dir of candidates) if (existsSync(path.join(dir, 'index.html'))) return dir;
  return candidates[0] ?? path.resolve('dist', 'renderer');
}
