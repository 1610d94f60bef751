import type { ConnectionStatus, Transport } from './types';

/** The preload's `window.blockprop` (main/electron/preload.ts): exactly these two functions. */
export interface Bridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The bridge when running inside Electron, checked by shape rather than trusted. */
export function findBridge(scope: object = globalThis): Bridge | null {
  const candidate: unknown = Reflect.get(scope, 'blockprop');
  if (typeof candidate !== 'object' || candidate === null) return null;
  const invoke: unknown = Reflect.get(candidate, 'invoke');
  const on: unknown = Reflect.get(candidate, 'on');
  if (typeof invoke !== 'function' || typeof on !== 'function') return null;
  return {
    invoke: async (channel, payload) => {
      const reply: unknown = await Reflect.apply(invoke, candidate, [channel, payload]);
      return reply;
    },
    on: (event, listener) => {
      const off: unknown = Reflect.apply(on, candidate, [event, listener]);
      return () => {
        if (typeof off === 'function') Reflect.apply(off, undefined, []);
      };
    },
  };
}

/** Electron IPC: always connected while the window lives. */
export function createIpcTransport(bridge: Bridge, eventNames: readonly string[]): Transport {
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  return {
    call: (method, payload) => bridge.invoke(method, payload),
    subscribe(listener) {
      const offs = eventNames.map((name) => bridge.on(name, (payload) => listener(name, payload)));
      return () => offs.forEach((off) => off());
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener('open');
      return () => statusListeners.delete(listener);
    },
    close() {
      statusListeners.forEach((l) => l('closed'));
    },
  };
}
