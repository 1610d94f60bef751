import type { MethodName } from '../../../shared/api/contract';
import type { ConnectionStatus, Transport } from './types';

/** The part of a WebSocket this transport uses (tests pass a stand-in). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export interface SocketHandlers {
  onOpen(): void;
  onClose(): void;
  onMessage(data: unknown): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

/** The browser's WebSocket behind SocketFactory. */
export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.onOpen();
  ws.onclose = () => handlers.onClose();
  ws.onmessage = (event) => handlers.onMessage(event.data);
  return ws;
};

const OPEN = 1;
const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;
/** Failed reconnects in a row (about 4 s of backoff) after which the server counts as lost. */
export const LOST_AFTER_ATTEMPTS = 4;

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

/**
 * WebSocket to `blockprop web` (main/server): `{id, method, payload}` out, `{id, result}` and
 * `{event, payload}` in. Reconnects with backoff when the connection drops; calls made while
 * disconnected wait for the next connection, calls in flight when it drops fail as values.
 */
/** Timer functions (tests pass a manual clock). Method syntax: the browser's own functions fit. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const lostMessage = 'the Blockprop server this page was opened from is gone (stopped, or restarted with a new address)';

export function createWsTransport(url: string, connect: SocketFactory, timers: Timers = globalThis): Transport {
  let socket: SocketLike | null = null;
  let status: ConnectionStatus = 'connecting';
  let nextId = 1;
  let attempts = 0;
  let retryTimer: unknown = null;
  let closed = false;
  const inFlight = new Map<number, Pending>();
  const queued: { id: number; text: string; pending: Pending }[] = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();

  function setStatus(next: ConnectionStatus): void {
    if (next === status) return;
    status = next;
    for (const l of [...statusListeners]) l(next);
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if ('event' in message && typeof message.event === 'string') {
      const payload = 'payload' in message ? message.payload : undefined;
      for (const l of [...eventListeners]) l(message.event, payload);
      return;
    }
    if ('id' in message && typeof message.id === 'number' && 'result' in message) {
      const pending = inFlight.get(message.id);
      if (pending === undefined) return;
      inFlight.delete(message.id);
      pending.resolve(message.result);
    }
  }

  function open(): void {
    if (closed) return;
    const ws: SocketLike = connect(url, {
      onOpen: () => opened(ws),
      onClose: () => dropped(ws),
      onMessage,
    });
    socket = ws;
  }

  function opened(ws: SocketLike): void {
    if (socket !== ws) return;
    attempts = 0;
    setStatus('open');
    for (const item of queued.splice(0)) {
      inFlight.set(item.id, item.pending);
      ws.send(item.text);
    }
  }

  function dropped(ws: SocketLike): void {
    if (socket !== ws) return; // a socket we already replaced or closed
    socket = null;
    for (const [id, pending] of inFlight) {
      inFlight.delete(id);
      pending.reject(new Error('the connection to Blockprop was lost'));
    }
    if (closed) return;
    // A server that stopped, or restarted with a new token (its upgrade answers 403), never opens
    // again for this page: waiting calls would hang for ever ("a Save that spins"). Fail them and
    // say so; keep trying slowly in case the same server comes back.
    if (attempts >= LOST_AFTER_ATTEMPTS) {
      setStatus('lost');
      for (const item of queued.splice(0)) item.pending.reject(new Error(lostMessage));
    } else setStatus('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempts);
    attempts++;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  }

  open();

  return {
    call(method: MethodName, payload: unknown) {
      return new Promise<unknown>((resolve, reject) => {
        if (closed) return reject(new Error('the API client was closed'));
        if (status === 'lost') return reject(new Error(lostMessage));
        const id = nextId++;
        const text = JSON.stringify({ id, method, payload });
        const pending = { resolve, reject };
        if (socket !== null && socket.readyState === OPEN) {
          inFlight.set(id, pending);
          socket.send(text);
        } else {
          queued.push({ id, text, pending });
        }
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'closed');
      for (const [, pending] of inFlight) pending.reject(new Error('the API client was closed'));
      inFlight.clear();
      for (const item of queued.splice(0)) item.pending.reject(new Error('the API client was closed'));
      setStatus('closed');
    },
  };
}

/** ws://host/api/ws?token=… for the page's own location. */
export function socketUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/ws?token=${encodeURIComponent(token)}`;
}
