import type { BackendName, TrainEventOf } from '../../shared/api/training';
import type { TrainingHealth } from '../../shared/api/health';

/**
 * What a training run tells the person, computed from its numbers: the batch, epoch, stop and
 * done events, the speed and time left, and whether health measuring fits its budget. Pure, so
 * trainer.ts's loop only counts and trains.
 */

/** Images in the fixed probe batch the health view measures on. */
export const PROBE = 32;
/** Health measuring may take at most this share of the run's training time (under 5 %, so watching a run barely slows it). */
export const HEALTH_BUDGET = 0.05;

/** What the run has done so far, over all its epochs (trainer.ts adds to it as it goes). */
export interface RunTally {
  trainedSamples: number;
  /** Time spent in trainOnBatch and making its tensors, not in events, validation or health. */
  trainMs: number;
  epochsDone: number;
  readonly epochDurations: number[];
  healthMs: number;
  /** What the last health measurement cost; null before the first. */
  lastHealthMs: number | null;
}

export function newTally(): RunTally {
  return { trainedSamples: 0, trainMs: 0, epochsDone: 0, epochDurations: [], healthMs: 0, lastHealthMs: null };
}

/** Metric values by name, as model.evaluate orders them: the loss first, then `names`. */
export function named(names: readonly string[], values: readonly number[], prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[prefix + n] = values[i + 1] ?? NaN));
  return out;
}

export function samplesPerSecond(tally: Pick<RunTally, 'trainedSamples' | 'trainMs'>): number {
  return tally.trainedSamples / Math.max(1e-3, tally.trainMs / 1000);
}

/** Whether the batch just trained gets an event: not more often than `intervalMs`, and always an epoch's last. */
export function batchDue(now: number, lastEmit: number, intervalMs: number, batch: number, steps: number): boolean {
  return now - lastEmit >= intervalMs || batch === steps - 1;
}

/**
 * The epoch's running averages after 0-based batch `batch`. `sums` are the loss and metrics
 * summed over the epoch's images so far, each weighted by its batch's size.
 */
export function batchEvent(
  epoch: number,
  batch: number,
  sums: readonly number[],
  seen: number,
  names: readonly string[],
  tally: RunTally,
): TrainEventOf<'batch'> {
  const avg = sums.map((s) => s / seen);
  return { event: 'batch', epoch, batch: batch + 1, loss: avg[0] ?? NaN, metrics: named(names, avg), samplesPerSecond: samplesPerSecond(tally) };
}

/** The person stopped the run before 0-based batch `batch` of `epoch`. */
export function userStopEvent(epoch: number, batch: number): TrainEventOf<'stopped'> {
  return { event: 'stopped', reason: 'user', message: `Stopped at epoch ${epoch}, batch ${batch}; the weights trained so far are kept.`, epoch, batch };
}

/** The loss of 0-based batch `batch` was not finite: the run diverged; the advice names the rate it ran at. */
export function divergedEvent(loss: number, epoch: number, batch: number, learningRate: number): TrainEventOf<'stopped'> {
  return {
    event: 'stopped',
    reason: 'nan',
    message: `The loss became ${String(loss)} at epoch ${epoch}, batch ${batch + 1}: training diverged. Lower the learning rate (now ${learningRate}) and train again.`,
    epoch,
    batch: batch + 1,
  };
}

/** Time left: the mean epoch so far times the epochs still to come. */
export function etaMs(epochDurations: readonly number[], epochs: number, epoch: number): number {
  const mean = epochDurations.reduce((a, d) => a + d, 0) / epochDurations.length;
  return Math.round(mean * (epochs - epoch));
}

export interface EpochReport {
  readonly epoch: number;
  readonly epochs: number;
  /** The loss and metrics averaged over the epoch's images. */
  readonly avg: readonly number[];
  readonly names: readonly string[];
  readonly validation: { readonly valLoss: number; readonly valMetrics: Record<string, number> } | null;
  readonly learningRate: number;
  readonly durationMs: number;
  readonly epochDurations: readonly number[];
  readonly health: TrainingHealth | null;
}

export function epochEvent(r: EpochReport): TrainEventOf<'epoch'> {
  return {
    event: 'epoch',
    epoch: r.epoch,
    loss: r.avg[0] ?? NaN,
    metrics: named(r.names, r.avg),
    ...(r.validation !== null ? { valLoss: r.validation.valLoss, valMetrics: r.validation.valMetrics } : {}),
    learningRate: r.learningRate,
    durationMs: r.durationMs,
    etaMs: etaMs(r.epochDurations, r.epochs, r.epoch),
    ...(r.health !== null ? { health: r.health } : {}),
  };
}

/**
 * Whether this epoch's health is measured: skipped when it would take the measuring past the
 * budget. The first estimate is deliberately high (four probe batches at training speed, at least
 * 150 ms: reading the histograms has fixed costs); measured 383 ms on a 4.5 s epoch of the FC net
 * where two passes predicted 50 ms. A run that could afford no report by its last epoch still gets
 * one there: training is over by then, so it delays the result by one probe pass without slowing a
 * single batch (on the native kernels a 20,000-image FC epoch takes about a second, less than
 * 150 ms / 5 %).
 */
export function healthAffordable(tally: RunTally, epoch: number, epochs: number, budget: number): boolean {
  const expected = tally.lastHealthMs ?? Math.max(150, (tally.trainMs / Math.max(1, tally.trainedSamples)) * PROBE * 4);
  const lastChance = epoch === epochs && tally.lastHealthMs === null;
  return lastChance || tally.healthMs + expected <= budget * tally.trainMs;
}

/** The test evaluation's loss and metrics (model.evaluate's order) as the run's last event. */
export function doneEvent(test: readonly number[], names: readonly string[], tally: RunTally, backend: BackendName): TrainEventOf<'done'> {
  const accIndex = names.indexOf('accuracy');
  return {
    event: 'done',
    testLoss: test[0] ?? NaN,
    testAccuracy: accIndex >= 0 ? (test[accIndex + 1] ?? null) : null,
    samplesPerSecond: samplesPerSecond(tally),
    backend,
    epochs: tally.epochsDone,
  };
}
