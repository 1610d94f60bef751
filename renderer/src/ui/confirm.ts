import { createStore, useStore } from '../state/createStore';
import { askThrough, type PendingQuestion } from '../state/pendingQuestion';

/** A question the app asks before something destructive, answered in the app's own dialog (not window.confirm). */
export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  /** The button that goes ahead: "Discard", "Replace", "Delete". */
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** The go-ahead loses work or files: drawn as a danger button. */
  readonly danger?: boolean;
}

type Pending = PendingQuestion<ConfirmRequest, boolean>;

const confirmStore = createStore<Pending | null>(null);

export function useConfirmRequest(): Pending | null {
  return useStore(confirmStore, (s) => s);
}

/** Asks; resolves true when the person goes ahead, false on Cancel, Escape or the backdrop. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  // A question still open is answered "no" first.
  return askThrough(confirmStore, request, false);
}
