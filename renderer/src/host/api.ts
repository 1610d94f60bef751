import { createApi, type Api } from '../api';

let client: Api | null = null;

/** The app's one API client (H7's renderer/src/api), created on first use. */
export function api(): Api {
  client ??= createApi();
  return client;
}

/** Tests can inject a stand-in. */
export function setApiClient(c: Api | null): void {
  client = c;
}
