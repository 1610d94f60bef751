import type { RunEpoch } from '../../../shared/project';

/**
 * The curves of the run in progress. Kept mutable and outside React state on purpose: batch
 * events arrive hundreds of times a second; they are appended here and the chart reads the
 * arrays once per animation frame (see trainRun.ts's flush), so nothing re-renders per batch.
 */
export interface LiveSeries {
  /** [global step, loss, accuracy|null] per batch. */
  readonly batches: [number, number, number | null][];
  readonly epochs: RunEpoch[];
  /** Bumped on every flush; listeners compare it. */
  version: number;
}

export const liveSeries: LiveSeries = { batches: [], epochs: [], version: 0 };

const listeners = new Set<() => void>();

export function resetSeries(): void {
  liveSeries.batches.length = 0;
  liveSeries.epochs.length = 0;
  notifySeries();
}

export function notifySeries(): void {
  liveSeries.version += 1;
  for (const l of [...listeners]) l();
}

export function onSeries(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
