import { thinPoints, type DatasetRef, type RunEpoch, type RunRecord, type TrainingSettings } from '../../../shared/project';
import type { Graph } from '../../../shared/graph/types';
import type { Inference } from '../../../shared/inference/types';
import type { BackendName, TrainEvent, TrainEventOf } from '../../../shared/api/training';
import { noBackendMessage, type BackendFailures } from './backendLine';
import type { LiveSeries } from './liveSeries';

/**
 * The Train panel's run as data: its state, and every change to it as a function from the state
 * (and an engine event, the contract's TrainEvent, or a person's action) to the next state.
 * Nothing here touches a store, the api, a timer or the live curves; trainRun.ts applies what
 * these return.
 */

export type RunPhase = 'idle' | 'starting' | 'loading' | 'training' | 'evaluating' | 'done' | 'stopped' | 'error';

/** The run the Train panel shows (the latest one); the curves live in liveSeries. */
export interface RunState {
  readonly phase: RunPhase;
  readonly runId: string | null;
  readonly backend: BackendName | null;
  /** The backend event's own words: what runs, why a faster one of ours does not, who failed to start. */
  readonly backendDetail: string | null;
  readonly backendHint: string | null;
  readonly backendFailures: BackendFailures;
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  /** 0-based epoch and batch of the last batch seen. */
  readonly epoch: number;
  readonly batch: number;
  readonly samplesPerSecond: number | null;
  readonly etaMs: number | null;
  readonly datasetProgress: number | null;
  readonly datasetMessage: string | null;
  readonly memoryEstimateMb: number | null;
  /** Problems before start (model vs data) or the reason a run ended. */
  readonly message: string | null;
  readonly testAccuracy: number | null;
  readonly testLoss: number | null;
  readonly startedAt: number | null;
  readonly stopping: boolean;
  /** Which model this run trains: its name, its modelKey and the editor document it was started from. */
  readonly model: string | null;
  readonly modelKey: string | null;
  readonly document: number | null;
}

export const idleRun: RunState = {
  phase: 'idle',
  runId: null,
  backend: null,
  backendDetail: null,
  backendHint: null,
  backendFailures: [],
  epochs: 0,
  stepsPerEpoch: 0,
  epoch: 0,
  batch: 0,
  samplesPerSecond: null,
  etaMs: null,
  datasetProgress: null,
  datasetMessage: null,
  memoryEstimateMb: null,
  message: null,
  testAccuracy: null,
  testLoss: null,
  startedAt: null,
  stopping: false,
  model: null,
  modelKey: null,
  document: null,
};

export function runInProgress(s: RunState): boolean {
  return s.phase === 'starting' || s.phase === 'loading' || s.phase === 'training' || s.phase === 'evaluating';
}

/** Done, stopped by the person, or failed (a loss that became NaN included). */
export function runEnded(s: RunState): boolean {
  return s.phase === 'done' || s.phase === 'stopped' || s.phase === 'error';
}

// --- engine events ---------------------------------------------------------------------------

/** One point of the live batch curve: [global step, loss, accuracy|null]. */
export type BatchPoint = LiveSeries['batches'][number];

/** What one event does: the next state, the curve points it adds, and whether the run is over. */
export interface RunStep {
  readonly state: RunState;
  readonly batch: BatchPoint | null;
  readonly epoch: RunEpoch | null;
  /** The run ended with this event: it goes into the project's history. */
  readonly finished: boolean;
}

const only = (state: RunState): RunStep => ({ state, batch: null, epoch: null, finished: false });
const ending = (state: RunState): RunStep => ({ state, batch: null, epoch: null, finished: true });

/**
 * Applies one engine event (a contract event, already checked against its schema by the api
 * client). Epochs and batches arrive counted from 1, as Keras prints them, and are kept 0-based
 * here; accuracy is picked out of the metrics. `batchSize` is the run's batch size, for the time
 * left. Progress (backend, dataset, start, batch, epoch) reaching a run that has already ended is
 * dropped: it would put a finished run back to 'training' and keep the Stop button up. Ends still
 * apply, so a 'done' after a person's stop adds the test result and the engine failing late shows
 * as an error.
 */
export function reduceRun(s: RunState, e: TrainEvent, batchSize: number): RunStep {
  switch (e.event) {
    case 'backend':
      return backendStep(s, e);
    case 'dataset':
      return runEnded(s) ? only(s) : only({ ...s, phase: 'loading', datasetProgress: datasetProgress(e), datasetMessage: datasetMessage(e) });
    case 'warning':
      return only({ ...s, message: s.message === null ? e.message : `${s.message}\n${e.message}` });
    case 'start':
      return runEnded(s) ? only(s) : only({ ...s, phase: 'training', epochs: e.epochs, stepsPerEpoch: e.stepsPerEpoch, memoryEstimateMb: e.memoryEstimateMb });
    case 'batch':
      return runEnded(s) ? only(s) : batchStep(s, e, batchSize);
    case 'epoch':
      return runEnded(s) ? only(s) : epochStep(s, e);
    case 'stopped':
      return stoppedStep(s, e);
    case 'error':
      return ending({ ...s, phase: 'error', stopping: false, message: e.message });
    case 'done':
      return ending({
        ...s,
        phase: s.phase === 'stopped' || s.phase === 'error' ? s.phase : 'done',
        stopping: false,
        testAccuracy: e.testAccuracy,
        testLoss: e.testLoss,
        samplesPerSecond: e.samplesPerSecond,
        backend: e.backend,
        etaMs: 0,
      });
  }
}

/** A metric the run was compiled with, or null (a run without accuracy, or no validation). */
function metric(metrics: Readonly<Record<string, number>> | undefined, name: string): number | null {
  return metrics?.[name] ?? null;
}

/** No backend could start: the run ends as an error (even an ended one, as errors do) naming each failure. */
function backendStep(s: RunState, e: TrainEventOf<'backend'>): RunStep {
  if (e.backend === null) return ending({ ...s, phase: 'error', stopping: false, message: noBackendMessage(e) });
  if (runEnded(s)) return only(s);
  return only({ ...s, backend: e.backend, backendDetail: e.detail ?? null, backendHint: e.hint ?? null, backendFailures: e.failures });
}

function datasetProgress(e: TrainEventOf<'dataset'>): number | null {
  return e.total !== null && e.total > 0 ? e.loaded / e.total : null;
}

function datasetMessage(e: TrainEventOf<'dataset'>): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  return e.total === null ? `${e.phase} ${n(e.loaded)}` : `${e.phase} ${n(e.loaded)} / ${n(e.total)}`;
}

function batchStep(s: RunState, e: TrainEventOf<'batch'>, batchSize: number): RunStep {
  const epoch = e.epoch - 1;
  const batch = e.batch - 1;
  const step = epoch * s.stepsPerEpoch + batch + 1;
  const remaining = Math.max(0, s.epochs * s.stepsPerEpoch - step);
  const perStep = e.samplesPerSecond > 0 ? batchSize / e.samplesPerSecond : null;
  const state: RunState = {
    ...s,
    phase: s.phase === 'evaluating' ? s.phase : 'training',
    epoch,
    batch,
    samplesPerSecond: e.samplesPerSecond,
    etaMs: perStep === null ? s.etaMs : remaining * perStep * 1000,
  };
  return { state, batch: [step, e.loss, metric(e.metrics, 'accuracy')], epoch: null, finished: false };
}

function epochStep(s: RunState, e: TrainEventOf<'epoch'>): RunStep {
  const index = e.epoch - 1;
  const epoch: RunEpoch = {
    epoch: index,
    step: e.epoch * s.stepsPerEpoch,
    loss: e.loss,
    accuracy: metric(e.metrics, 'accuracy'),
    valLoss: e.valLoss ?? null,
    valAccuracy: metric(e.valMetrics, 'val_accuracy'),
    durationMs: e.durationMs,
  };
  // After the last epoch the engine measures the test set before 'done'.
  const last = e.epoch >= s.epochs;
  const state: RunState = { ...s, etaMs: e.etaMs, phase: last ? 'evaluating' : s.phase, epoch: index, batch: s.stepsPerEpoch - 1 };
  return { state, batch: null, epoch, finished: false };
}

function stoppedStep(s: RunState, u: TrainEventOf<'stopped'>): RunStep {
  const phase: RunPhase = u.reason === 'nan' ? 'error' : u.reason === 'user' ? 'stopped' : s.phase;
  const state: RunState = { ...s, phase, stopping: false, message: u.message };
  // Early stopping is followed by the test evaluation and 'done'; the other stops end the run here.
  return u.reason === 'early_stopping' ? only(state) : ending(state);
}

/** Several events at once (one animation frame's worth), in order. */
export interface RunSteps {
  readonly state: RunState;
  readonly batches: readonly BatchPoint[];
  readonly epochs: readonly RunEpoch[];
  readonly finished: boolean;
}

export function reduceRunAll(s: RunState, events: readonly TrainEvent[], batchSize: number): RunSteps {
  let state = s;
  const batches: BatchPoint[] = [];
  const epochs: RunEpoch[] = [];
  let finished = false;
  for (const e of events) {
    const step = reduceRun(state, e, batchSize);
    state = step.state;
    if (step.batch !== null) batches.push(step.batch);
    if (step.epoch !== null) epochs.push(step.epoch);
    finished ||= step.finished;
  }
  return { state, batches, epochs, finished };
}

/**
 * Where an event for `runId` goes: applied to the run shown, held while a start call has not
 * returned its run id yet (the run's first events can overtake the reply), or dropped (an older run).
 */
export function routeEvent(s: RunState, runId: string): 'apply' | 'hold' | 'drop' {
  if (s.runId === runId) return 'apply';
  return s.phase === 'starting' ? 'hold' : 'drop';
}

// --- the person's actions ---------------------------------------------------------------------

/** Why the model cannot be trained as it is, or null. */
export function problemBeforeStart(graph: Graph, inference: Inference): string | null {
  if (graph.nodes.length === 0) return 'The canvas is empty: open a template (the FC net or the Keras CNN) or build a model first.';
  const errors = inference.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first === undefined) return null;
  return `Fix the model first (${errors.length} problem${errors.length === 1 ? '' : 's'} in the Problems tab): ${first.message}`;
}

/** A run that could not start (the model, or the engine refusing it). */
export function refusedRun(message: string): RunState {
  return { ...idleRun, phase: 'error', message };
}

export function startingRun(model: { readonly name: string; readonly key: string; readonly document: number; readonly now: number }): RunState {
  return { ...idleRun, phase: 'starting', startedAt: model.now, model: model.name, modelKey: model.key, document: model.document };
}

/** The engine accepted the run: its events are applied from now on. */
export function runAccepted(s: RunState, runId: string): RunState {
  return { ...s, runId, phase: s.phase === 'starting' ? 'loading' : s.phase };
}

export function stopRequested(s: RunState): RunState {
  return { ...s, stopping: true };
}

export function stopRefused(s: RunState, message: string): RunState {
  return { ...s, stopping: false, message };
}

/**
 * Whether opening another document (`document`) clears the panel: a finished run's results belong
 * to the model it trained; a run still going keeps its state (the panel says which model it trains).
 */
export function forgetsOnOpen(s: RunState, document: number): boolean {
  return !(runInProgress(s) || s.phase === 'idle' || s.document === document);
}

// --- the run's record -------------------------------------------------------------------------

/** What the finished run is recorded with, taken when it started. */
export interface RunContext {
  readonly model: string;
  readonly key: string;
  readonly totalParams: number | null;
  readonly training: TrainingSettings;
  readonly dataset: DatasetRef;
  readonly limit: number | null;
  readonly startedAt: string;
}

/** The finished run as the project's history keeps it (the Runs tab); null without a run id. */
export function runRecordOf(ctx: RunContext, s: RunState, series: Pick<LiveSeries, 'batches' | 'epochs'>): RunRecord | null {
  if (s.runId === null) return null;
  return {
    id: s.runId,
    startedAt: ctx.startedAt,
    model: ctx.model,
    totalParams: ctx.totalParams,
    training: ctx.training,
    dataset: ctx.dataset,
    limit: ctx.limit,
    backend: s.backend,
    status: s.phase === 'done' ? 'done' : s.phase === 'error' ? 'error' : 'stopped',
    message: s.phase === 'done' ? null : s.message,
    stepsPerEpoch: s.stepsPerEpoch,
    epochs: [...series.epochs],
    batches: thinPoints(series.batches),
    testAccuracy: s.testAccuracy,
    testLoss: s.testLoss,
    samplesPerSecond: s.samplesPerSecond,
  };
}

/** A run that failed before its first epoch left no weights worth continuing from. */
export function leftWeights(run: RunRecord): boolean {
  return run.status !== 'error' || run.epochs.length > 0;
}
