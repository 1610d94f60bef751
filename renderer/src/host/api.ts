import { createApi, type Api } from '../api';

let client: Api | null = null;

/** The app's one API client (IPC in Electron, WebSocket in a browser), created on first use. */
export function api(): Api {
  client ??= createApi();
  return client;
}
