/**
 * The preload: exposes exactly `window.blockprop = {invoke, on}` and only for the contract's
 * channel names (no ipcRenderer, no Node). Validation of the payloads happens in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames } from '../../shared/api/channels';

const methods = new Set<string>(methodNames);
const events = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('blockprop', {
  invoke(channel: unknown, payload: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !methods.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `There is no method called ${String(channel)}.` } });
    }
    return ipcRenderer.invoke(channel, payload);
  },
  on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => undefined;
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});
