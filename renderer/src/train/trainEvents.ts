import type { BackendName, TrainEventOf, TrainEvent } from '../../../shared/api/training';

/**
 * The engine's training events (shared/api/training.ts, already checked against the contract's
 * schema by the api client) as the Train panel applies them: epochs and batches arrive counted
 * from 1 (as Keras prints them) and are turned 0-based here, accuracy is picked out of the
 * metrics, and the backend's failures become one readable line.
 */
export type TrainUpdate =
  | { readonly kind: 'backend'; readonly backend: BackendName; readonly reason: string | null }
  | { readonly kind: 'dataset'; readonly progress: number | null; readonly message: string }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'start'; readonly epochs: number; readonly stepsPerEpoch: number; readonly memoryEstimateMb: number }
  | {
      readonly kind: 'batch';
      readonly epoch: number;
      readonly batch: number;
      readonly loss: number;
      readonly accuracy: number | null;
      readonly samplesPerSecond: number;
    }
  | {
      readonly kind: 'epoch';
      readonly epoch: number;
      readonly loss: number;
      readonly accuracy: number | null;
      readonly valLoss: number | null;
      readonly valAccuracy: number | null;
      readonly durationMs: number;
      readonly etaMs: number;
    }
  | { readonly kind: 'stopped'; readonly reason: TrainEventOf<'stopped'>['reason']; readonly message: string }
  | { readonly kind: 'error'; readonly code: string; readonly message: string }
  | {
      readonly kind: 'done';
      readonly testAccuracy: number | null;
      readonly testLoss: number;
      readonly samplesPerSecond: number;
      readonly backend: BackendName;
      readonly epochs: number;
    };

/** A metric the run was compiled with, or null (a run without accuracy, or no validation). */
function metric(metrics: Readonly<Record<string, number>> | undefined, name: string): number | null {
  return metrics?.[name] ?? null;
}

function backendUpdate(e: TrainEventOf<'backend'>): TrainUpdate {
  // Our faster kernel tiers that did not start are explained by the hint, not listed as failures.
  const failures = e.hint === undefined ? e.failures : e.failures.filter((f) => f.backend !== 'native' && f.backend !== 'simd');
  const reason = [
    ...(e.detail === undefined ? [] : [e.detail]),
    ...(e.hint === undefined ? [] : [e.hint]),
    ...failures.map((f) => `${f.backend} failed: ${f.reason}`),
  ].join(' · ');
  if (e.backend === null) return { kind: 'error', code: 'backend', message: reason === '' ? 'No training backend could start.' : reason };
  return { kind: 'backend', backend: e.backend, reason: reason === '' ? null : reason };
}

function datasetUpdate(e: TrainEventOf<'dataset'>): TrainUpdate {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const count = e.total === null ? ` ${n(e.loaded)}` : ` ${n(e.loaded)} / ${n(e.total)}`;
  return { kind: 'dataset', progress: e.total !== null && e.total > 0 ? e.loaded / e.total : null, message: `${e.phase}${count}` };
}

/** One 'train.event' as the panel applies it; null for the kinds it does not show. */
export function readTrainEvent(e: TrainEvent): TrainUpdate | null {
  switch (e.event) {
    case 'backend':
      return backendUpdate(e);
    case 'dataset':
      return datasetUpdate(e);
    case 'warning':
      return { kind: 'warning', message: e.message };
    case 'start':
      return { kind: 'start', epochs: e.epochs, stepsPerEpoch: e.stepsPerEpoch, memoryEstimateMb: e.memoryEstimateMb };
    case 'batch':
      return {
        kind: 'batch',
        epoch: e.epoch - 1,
        batch: e.batch - 1,
        loss: e.loss,
        accuracy: metric(e.metrics, 'accuracy'),
        samplesPerSecond: e.samplesPerSecond,
      };
    case 'epoch':
      return {
        kind: 'epoch',
        epoch: e.epoch - 1,
        loss: e.loss,
        accuracy: metric(e.metrics, 'accuracy'),
        valLoss: e.valLoss ?? null,
        valAccuracy: metric(e.valMetrics, 'val_accuracy'),
        durationMs: e.durationMs,
        etaMs: e.etaMs,
      };
    case 'stopped':
      return { kind: 'stopped', reason: e.reason, message: e.message };
    case 'error':
      return { kind: 'error', code: e.code, message: e.message };
    case 'done':
      return { kind: 'done', testAccuracy: e.testAccuracy, testLoss: e.testLoss, samplesPerSecond: e.samplesPerSecond, backend: e.backend, epochs: e.epochs };
  }
}
