import { describe, expect, it, vi } from 'vitest';
import { eventNames } from '../../../shared/api/channels';
import { createClient } from './client';
import { findToken } from './index';
import { createIpcTransport, findBridge } from './ipcTransport';
import type { ConnectionStatus } from './types';
import { createWsTransport, LOST_AFTER_ATTEMPTS, socketUrl, type SocketHandlers, type SocketLike } from './wsTransport';

/** A scripted stand-in for the browser's WebSocket. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; method: string; payload: unknown }[] = [];
  closed = false;
  constructor(public handlers: SocketHandlers) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.handlers.onOpen();
  }
  drop() {
    this.readyState = 3;
    this.handlers.onClose();
  }
  reply(id: number, result: unknown) {
    this.handlers.onMessage(JSON.stringify({ id, result }));
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const transport = createWsTransport(
    'ws://127.0.0.1:1/api/ws?token=t',
    (_url, handlers) => {
      const socket = new FakeSocket(handlers);
      sockets.push(socket);
      return socket;
    },
    {
      setTimeout: (fn: () => void) => timers.push(fn),
      clearTimeout: () => undefined,
    },
  );
  const api = createClient(transport);
  const statuses: ConnectionStatus[] = [];
  api.onStatus((s) => statuses.push(s));
  const socket = (i: number) => {
    const s = sockets[i];
    if (s === undefined) throw new Error(`no socket ${i}`);
    return s;
  };
  return { api, sockets, socket, timers, statuses };
}

const home = { home: '/h', cwd: '/c', sep: '/' };

describe('API client over WebSocket', () => {
  it('queues calls until connected, then answers typed values', async () => {
    const { api, socket, statuses } = setup();
    const pending = api.invoke('fs.home', {});
    expect(socket(0).sent).toEqual([]);
    socket(0).open();
    expect(socket(0).sent).toEqual([{ id: 1, method: 'fs.home', payload: {} }]);
    socket(0).reply(1, { ok: true, value: home });
    expect(await pending).toEqual({ ok: true, value: home });
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('turns a reply that breaks the contract into an error value', async () => {
    const { api, socket } = setup();
    socket(0).open();
    const pending = api.invoke('fs.home', {});
    socket(0).reply(1, { ok: true, value: { home: 42 } });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it('fails calls in flight when the connection drops, reconnects with backoff and carries on', async () => {
    const { api, socket, sockets, timers, statuses } = setup();
    socket(0).open();
    const lost = api.invoke('fs.home', {});
    socket(0).drop();
    expect(await lost).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(statuses.at(-1)).toBe('reconnecting');
    const waiting = api.invoke('fs.home', {});
    expect(sockets.length).toBe(1);
    timers.shift()?.();
    expect(sockets.length).toBe(2);
    socket(1).open();
    expect(statuses.at(-1)).toBe('open');
    const call = socket(1).sent[0];
    socket(1).reply(call?.id ?? -1, { ok: true, value: home });
    expect(await waiting).toEqual({ ok: true, value: home });
  });

  it('after several failed reconnects the server counts as lost: waiting and new calls fail at once, a comeback reopens', async () => {
    const { api, socket, sockets, timers, statuses } = setup();
    socket(0).open();
    socket(0).drop();
    const waiting = api.invoke('fs.home', {});
    for (let i = 1; i <= LOST_AFTER_ATTEMPTS; i++) {
      timers.shift()?.();
      socket(i).drop(); // the upgrade is refused (new token) or nobody listens
    }
    expect(statuses.at(-1)).toBe('lost');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'disconnected', message: expect.stringContaining('gone') } });
    expect(await api.invoke('fs.home', {})).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    timers.shift()?.();
    socket(sockets.length - 1).open();
    expect(statuses.at(-1)).toBe('open');
  });

  it('delivers only valid events to their listeners, and stops after unsubscribe', () => {
    const { api, socket } = setup();
    socket(0).open();
    const seen = vi.fn();
    const off = api.on('menu.command', seen);
    socket(0).handlers.onMessage(JSON.stringify({ event: 'menu.command', payload: { command: 'save' } }));
    socket(0).handlers.onMessage(JSON.stringify({ event: 'menu.command', payload: { command: 'rm -rf' } }));
    socket(0).handlers.onMessage(JSON.stringify({ event: 'unknown.event', payload: {} }));
    off();
    socket(0).handlers.onMessage(JSON.stringify({ event: 'menu.command', payload: { command: 'open' } }));
    expect(seen.mock.calls).toEqual([[{ command: 'save' }]]);
  });

  it('close fails what waits and reports closed', async () => {
    const { api, statuses } = setup();
    const pending = api.invoke('fs.home', {});
    api.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(statuses.at(-1)).toBe('closed');
  });

  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:5000' }, 'a b', 'ws://127.0.0.1:5000/api/ws?token=a%20b'],
    [{ protocol: 'https:', host: 'x:1' }, 't', 'wss://x:1/api/ws?token=t'],
  ])('socketUrl(%j, %s)', (location, token, expected) => {
    expect(socketUrl(location, token)).toBe(expected);
  });

  it('finds the token in the URL, else in session storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(findToken({ search: '?token=abc' }, storage)).toBe('abc');
    expect(findToken({ search: '' }, storage)).toBe('abc');
    expect(findToken({ search: '' }, null)).toBeNull();
  });
});

describe('API client over Electron IPC', () => {
  it('uses window.blockprop when it has the right shape', async () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const scope = {
      blockprop: {
        invoke: async (channel: string, payload: unknown) => ({ ok: true, value: channel === 'fs.home' && payload !== null ? home : null }),
        on: (event: string, cb: (p: unknown) => void) => {
          listeners.set(event, cb);
          return () => listeners.delete(event);
        },
      },
    };
    const bridge = findBridge(scope);
    if (bridge === null) throw new Error('bridge not found');
    const api = createClient(createIpcTransport(bridge, eventNames));
    expect(api.status).toBe('open');
    expect(await api.invoke('fs.home', {})).toEqual({ ok: true, value: home });
    const seen = vi.fn();
    api.on('train.event', seen);
    listeners.get('train.event')?.({ runId: 'r1', event: { event: 'stopped', reason: 'user', message: 'Stopped.', epoch: 1, batch: 3 } });
    expect(seen).toHaveBeenCalledWith({ runId: 'r1', event: { event: 'stopped', reason: 'user', message: 'Stopped.', epoch: 1, batch: 3 } });
  });

  it.each([[{}], [{ blockprop: null }], [{ blockprop: { invoke: 1, on: () => undefined } }]])('ignores a missing or malformed bridge %j', (scope) => {
    expect(findBridge(scope)).toBeNull();
  });

  it('a rejected IPC call becomes an error value', async () => {
    const bridge = { invoke: async () => Promise.reject(new Error('gone')), on: () => () => undefined };
    const api = createClient(createIpcTransport(bridge, eventNames));
    expect(await api.invoke('fs.home', {})).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});
