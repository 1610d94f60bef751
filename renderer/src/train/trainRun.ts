import type { Backend } from './backends';
import { MAX_RUNS, thinPoints, type DatasetRef, type RunRecord, type TrainingSettings } from '../../../shared/project';
import { api } from '../host/api';
import { projectStore, updateSettings } from '../project/projectStore';
import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { showDockTab } from '../state/uiStore';
import { liveSeries, notifySeries, resetSeries } from './liveSeries';
import { layerShapes, modelKey, trainedStore } from './modelKey';
import type { WeightsFrom } from '../../../shared/api/training';
import { askConfirm } from '../ui/confirm';
import { readTrainEvent, type TrainUpdate } from './trainEvents';

export type RunPhase = 'idle' | 'starting' | 'loading' | 'training' | 'evaluating' | 'done' | 'stopped' | 'error';

/** The run the Train panel shows (the latest one); the curves live in liveSeries. */
export interface RunState {
  readonly phase: RunPhase;
  readonly runId: string | null;
  readonly backend: string | null;
  readonly backendReason: string | null;
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

const idle: RunState = {
  phase: 'idle', runId: null, backend: null, backendReason: null, epochs: 0, stepsPerEpoch: 0, epoch: 0, batch: 0,
  samplesPerSecond: null, etaMs: null, datasetProgress: null, datasetMessage: null, memoryEstimateMb: null, message: null,
  testAccuracy: null, testLoss: null, startedAt: null, stopping: false, model: null, modelKey: null, document: null,
};

export const runStore = createStore<RunState>(idle);

export function useRun<T>(selector: (s: RunState) => T): T {
  return useStore(runStore, selector);
}

export function isRunning(s: RunState = runStore.getState()): boolean {
  return s.phase === 'starting' || s.phase === 'loading' || s.phase === 'training' || s.phase === 'evaluating';
}

/** Session options not saved in the project: a training subset and the backend. */
export interface RunOptions {
  readonly limit: number | null;
  readonly backend: Backend;
}
export const runOptions = createStore<RunOptions>({ limit: null, backend: 'auto' });

/** What the finished run is recorded with. */
interface RunContext {
  readonly model: string;
  readonly key: string;
  readonly totalParams: number | null;
  readonly training: TrainingSettings;
  readonly dataset: DatasetRef;
  readonly limit: number | null;
  readonly startedAt: string;
}
let context: RunContext | null = null;

// --- events: buffered, applied once per animation frame --------------------------------------
let pending: TrainUpdate[] = [];
let frame: number | null = null;
/** Events for a run id the start call has not returned yet (they can overtake its reply). */
const early = new Map<string, TrainUpdate[]>();
let subscribed = false;

function schedule(): void {
  if (frame !== null) return;
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (cb: () => void) => setTimeout(cb, 16);
  frame = Number(raf(() => {
    frame = null;
    flush();
  }));
}

/**
 * A finished run's results belong to the document it trained: when another model is opened
 * (new, template, file, import) the panel goes back to idle instead of showing the old model's
 * accuracy and curves. A run still going keeps its state (the panel says which model it trains).
 */
function forgetOnLoad(): void {
  let document = editor.store.getState().document;
  editor.store.subscribe(() => {
    const next = editor.store.getState().document;
    if (next === document) return;
    document = next;
    const s = runStore.getState();
    if (isRunning(s) || s.phase === 'idle' || s.document === next) return;
    pending = [];
    resetSeries();
    runStore.setState(() => idle);
  });
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  forgetOnLoad();
  api().on('train.event', ({ runId, event }) => {
    const update = readTrainEvent(event);
    if (update === null) return;
    const current = runStore.getState();
    if (current.runId === runId) {
      pending.push(update);
      schedule();
    } else if (current.phase === 'starting') {
      const list = early.get(runId) ?? [];
      list.push(update);
      early.set(runId, list);
    }
  });
}

/** Applies buffered events: series appended in place, the store updated once. */
export function flush(): void {
  const updates = pending;
  pending = [];
  if (updates.length === 0) return;
  let s = runStore.getState();
  let seriesChanged = false;
  let finished = false;
  for (const u of updates) {
    switch (u.kind) {
      case 'backend':
        s = { ...s, backend: u.backend, backendReason: u.reason };
        break;
      case 'dataset':
        s = { ...s, phase: 'loading', datasetProgress: u.progress, datasetMessage: u.message };
        break;
      case 'warning':
        s = { ...s, message: s.message === null ? u.message : `${s.message}\n${u.message}` };
        break;
      case 'start':
        s = { ...s, phase: 'training', epochs: u.epochs, stepsPerEpoch: u.stepsPerEpoch, memoryEstimateMb: u.memoryEstimateMb };
        break;
      case 'batch': {
        const step = u.epoch * s.stepsPerEpoch + u.batch + 1;
        liveSeries.batches.push([step, u.loss, u.accuracy]);
        seriesChanged = true;
        const remaining = Math.max(0, s.epochs * s.stepsPerEpoch - step);
        const perStep = u.samplesPerSecond > 0 ? batchSize() / u.samplesPerSecond : null;
        s = {
          ...s, phase: s.phase === 'evaluating' ? s.phase : 'training', epoch: u.epoch, batch: u.batch,
          samplesPerSecond: u.samplesPerSecond,
          etaMs: perStep === null ? s.etaMs : remaining * perStep * 1000,
        };
        break;
      }
      case 'epoch': {
        liveSeries.epochs.push({
          epoch: u.epoch, step: (u.epoch + 1) * s.stepsPerEpoch, loss: u.loss, accuracy: u.accuracy,
          valLoss: u.valLoss, valAccuracy: u.valAccuracy, durationMs: u.durationMs,
        });
        seriesChanged = true;
        const last = u.epoch + 1 >= s.epochs;
        s = { ...s, etaMs: u.etaMs, phase: last ? 'evaluating' : s.phase, epoch: u.epoch, batch: s.stepsPerEpoch - 1 };
        break;
      }
      case 'stopped':
        s = {
          ...s, phase: u.reason === 'user' ? 'stopped' : s.phase, stopping: false,
          message: u.message,
        };
        if (u.reason === 'nan') s = { ...s, phase: 'error' };
        if (u.reason !== 'early_stopping') finished = true;
        break;
      case 'error':
        s = { ...s, phase: 'error', stopping: false, message: u.message };
        finished = true;
        break;
      case 'done':
        s = {
          ...s, phase: s.phase === 'stopped' || s.phase === 'error' ? s.phase : 'done', stopping: false,
          testAccuracy: u.testAccuracy, testLoss: u.testLoss, samplesPerSecond: u.samplesPerSecond,
          backend: u.backend, etaMs: 0,
        };
        finished = true;
        break;
    }
  }
  runStore.setState(() => s);
  if (seriesChanged) notifySeries();
  if (finished) record(s);
}

function batchSize(): number {
  return context?.training.batchSize ?? projectStore.getState().settings.training.batchSize;
}

/** Keeps the finished run in the project's history (the Runs tab). */
function record(s: RunState): void {
  const ctx = context;
  if (ctx === null || s.runId === null) return;
  const run: RunRecord = {
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
    epochs: [...liveSeries.epochs],
    batches: thinPoints(liveSeries.batches),
    testAccuracy: s.testAccuracy,
    testLoss: s.testLoss,
    samplesPerSecond: s.samplesPerSecond,
  };
  if (run.status !== 'error' || run.epochs.length > 0) trainedStore.setState(() => ({ key: ctx.key, runId: run.id, testAccuracy: run.testAccuracy, endedAt: Date.now(), layers: trainedLayers }));
  // 'stopped' and then 'done' may both arrive: the later one replaces the record.
  updateSettings((settings) => ({ ...settings, runs: [...(settings.runs ?? []).filter((x) => x.id !== run.id), run].slice(-MAX_RUNS) }));
}

/** The run's layers (name -> weight shapes) as it started: what its trained weights fit. */
let trainedLayers: Record<string, string> = {};

// --- actions ------------------------------------------------------------------------------
/** Checks the model, then starts a run in the engine; problems land in the panel's message. */
export async function startTraining(): Promise<void> {
  if (isRunning()) return;
  subscribe();
  showDockTab('train');
  const graph = editor.graph();
  const inference = inferenceOf(graph);
  if (graph.nodes.length === 0) {
    runStore.setState(() => ({ ...idle, phase: 'error', message: 'The canvas is empty: open a template (the FC net or the Keras CNN) or build a model first.' }));
    return;
  }
  const errors = inference.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first !== undefined) {
    runStore.setState(() => ({ ...idle, phase: 'error', message: `Fix the model first (${errors.length} problem${errors.length === 1 ? '' : 's'} in the Problems tab): ${first.message}` }));
    return;
  }
  const { training, dataset } = projectStore.getState().settings;
  const { limit, backend } = runOptions.getState();
  const key = modelKey(graph);
  trainedLayers = layerShapes(graph, inference);
  // Trained weights are never thrown away silently: the person chooses.
  let weightsFrom: WeightsFrom | undefined;
  const trained = trainedStore.getState();
  if (trained !== null) {
    const same = trained.key === key;
    const keep = await askConfirm({
      title: 'Continue from the trained weights?',
      message: same
        ? 'This model has trained weights. Continue training from them, or start again from fresh random weights?'
        : 'The model changed since its weights were trained: layers that still fit keep them, changed layers start fresh. Continue from them, or start from scratch?',
      confirmLabel: 'Continue training',
      cancelLabel: 'Start from scratch',
    });
    if (keep) weightsFrom = { kind: 'previous' };
  }
  context = {
    model: graph.name, key, totalParams: inference.totals.total, training, dataset, limit, startedAt: new Date().toISOString(),
  };
  pending = [];
  early.clear();
  resetSeries();
  runStore.setState(() => ({ ...idle, phase: 'starting', startedAt: Date.now(), model: graph.name, modelKey: key, document: editor.store.getState().document }));
  const testLimit = limit === null ? undefined : Math.min(10_000, Math.max(500, Math.round(limit / 2)));
  const r = await api().invoke('train.start', {
    graph, training, dataset, backend,
    ...(limit === null ? {} : { limit: { train: limit, ...(testLimit === undefined ? {} : { test: testLimit }) } }),
    ...(weightsFrom === undefined ? {} : { weightsFrom }),
  });
  if (!r.ok) {
    context = null;
    runStore.setState(() => ({ ...idle, phase: 'error', message: r.error.message }));
    return;
  }
  const runId = r.value.runId;
  runStore.setState((s) => ({ ...s, runId, phase: s.phase === 'starting' ? 'loading' : s.phase }));
  const before = early.get(runId) ?? [];
  early.clear();
  pending.push(...before);
  schedule();
}

export async function stopTraining(): Promise<void> {
  const s = runStore.getState();
  if (!isRunning(s)) return;
  runStore.setState((x) => ({ ...x, stopping: true }));
  const r = await api().invoke('train.stop', s.runId === null ? {} : { runId: s.runId });
  if (!r.ok) runStore.setState((x) => ({ ...x, stopping: false, message: r.error.message }));
}

export function toggleTraining(): void {
  if (isRunning()) void stopTraining();
  else void startTraining();
}
