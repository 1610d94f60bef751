/**
 * Undo history as plain data: past and future snapshots around the present one. Graph edits are
 * pure commands returning new graphs, so a snapshot is just the previous graph (structural
 * sharing keeps this cheap even for ResNet-sized models).
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** Enough for a long session; the oldest entries fall off. */
export const historyLimit = 200;

export function initHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Record `next` as a new entry; any redo branch is discarded. */
export function pushHistory<T>(h: History<T>, next: T, limit = historyLimit): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

export function undoHistory<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redoHistory<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}
