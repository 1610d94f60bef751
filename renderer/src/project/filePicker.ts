import { api } from '../host/api';
import { appInfoStore } from '../host/appInfo';
import { createStore } from '../state/createStore';
import { askThrough, type PendingQuestion } from '../state/pendingQuestion';

export interface PickRequest {
  readonly mode: 'open' | 'save';
  readonly title: string;
  /** Without dots: ['json']; files ending in them are listed (folders always). */
  readonly extensions: readonly string[];
  /** Save mode: the proposed file name. */
  readonly defaultName?: string;
}

/** The in-app file dialog's open request (browser mode); FileDialog renders it. */
export const pickerStore = createStore<PendingQuestion<PickRequest, string | null> | null>(null);

/**
 * Asks the user for a file path: Electron's native dialog where main offers one, else the
 * in-app dialog listing folders through fs.list. Resolves null when cancelled.
 */
export async function pickFile(request: PickRequest): Promise<string | null> {
  const native = appInfoStore.getState()?.nativeDialogs === true;
  if (native) {
    const filters = [{ name: request.extensions.join(', '), extensions: [...request.extensions] }];
    const r =
      request.mode === 'open'
        ? await api().invoke('dialog.open', { title: request.title, filters, directory: false })
        : await api().invoke('dialog.save', {
            title: request.title,
            filters,
            ...(request.defaultName === undefined ? {} : { defaultPath: request.defaultName }),
          });
    return r.ok ? r.value.path : null;
  }
  // A request still open is cancelled first.
  return askThrough(pickerStore, request, null);
}
