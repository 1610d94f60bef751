import type { AppInfo } from '../../../shared/api/contract';
import { createStore, useStore } from '../state/createStore';
import { api } from './api';

/** What main told us about itself at start: mode, native dialogs, the training backend. */
export const appInfoStore = createStore<AppInfo | null>(null);

export async function loadAppInfo(): Promise<void> {
  const r = await api().invoke('app.info', {});
  if (r.ok) appInfoStore.setState(() => r.value);
}

export function useAppInfo(): AppInfo | null {
  return useStore(appInfoStore, (s) => s);
}
