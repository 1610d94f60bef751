import { createStore } from '../state/createStore';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'error' | 'success';
  readonly message: string;
}

/** Short messages in the corner: refused wiring, saved files, failed opens. */
export const toastStore = createStore<readonly Toast[]>([]);

let nextId = 1;

export function showToast(message: string, kind: Toast['kind'] = 'info', ms = kind === 'error' ? 6000 : 3000): void {
  const id = nextId++;
  toastStore.setState((list) => [...list.slice(-3), { id, kind, message }]);
  setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  toastStore.setState((list) => (list.some((t) => t.id === id) ? list.filter((t) => t.id !== id) : list));
}
