import { eventNames } from '../../../shared/api/channels';
import { createClient } from './client';
import { createIpcTransport, findBridge } from './ipcTransport';
import type { Api } from './types';
import { browserSocket, createWsTransport, socketUrl } from './wsTransport';

export type { Api, ConnectionStatus } from './types';

const TOKEN_KEY = 'blockprop.token';

/**
 * The token `blockprop web` printed in the URL; kept for the tab's lifetime so a reload of a
 * URL without it (after the app tidied the address bar) still connects.
 */
export function findToken(location: { search: string }, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      storage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      /* storage may be unavailable */
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * Creates the renderer's API client: Electron IPC when the preload exposed `window.blockprop`,
 * else the WebSocket of browser mode with the token from the page URL.
 */
export function createApi(): Api {
  const bridge = findBridge();
  if (bridge !== null) return createClient(createIpcTransport(bridge, eventNames));
  const storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
  const token = findToken(window.location, storage) ?? '';
  const url = socketUrl(window.location, token);
  return createClient(createWsTransport(url, browserSocket));
}
