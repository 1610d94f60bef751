import type { Backend } from './backends';
import { MAX_RUNS } from '../../../shared/project';
import { api } from '../host/api';
import { projectStore, updateSettings } from '../state/projectStore';
import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { showDockTab } from '../state/uiStore';
import { liveSeries, notifySeries, resetSeries } from './liveSeries';
import { layerShapes, modelKey, trainedStore } from '../state/modelKey';
import type { TrainEvent, WeightsFrom } from '../../../shared/api/training';
import { askConfirm } from '../ui/confirm';
import {
  forgetsOnOpen,
  idleRun,
  leftWeights,
  problemBeforeStart,
  reduceRunAll,
  refusedRun,
  routeEvent,
  runAccepted,
  runInProgress,
  runRecordOf,
  startingRun,
  stopRefused,
  stopRequested,
  type RunContext,
  type RunState,
} from './trainReducer';

export type { RunPhase, RunState } from './trainReducer';

export const runStore = createStore<RunState>(idleRun);

export function useRun<T>(selector: (s: RunState) => T): T {
  return useStore(runStore, selector);
}

export function isRunning(s: RunState = runStore.getState()): boolean {
  return runInProgress(s);
}

/** Session options not saved in the project: a training subset and the backend. */
export interface RunOptions {
  readonly limit: number | null;
  readonly backend: Backend;
}
export const runOptions = createStore<RunOptions>({ limit: null, backend: 'auto' });

let context: RunContext | null = null;

// --- events: buffered, applied once per animation frame --------------------------------------
let pending: TrainEvent[] = [];
let frame: number | null = null;
/** Events for a run id the start call has not returned yet (they can overtake its reply). */
const early = new Map<string, TrainEvent[]>();
let subscribed = false;

function schedule(): void {
  if (frame !== null) return;
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (cb: () => void) => setTimeout(cb, 16);
  frame = Number(
    raf(() => {
      frame = null;
      flush();
    }),
  );
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
    if (!forgetsOnOpen(runStore.getState(), next)) return;
    pending = [];
    resetSeries();
    runStore.setState(() => idleRun);
  });
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  forgetOnLoad();
  api().on('train.event', ({ runId, event }) => {
    const route = routeEvent(runStore.getState(), runId);
    if (route === 'apply') {
      pending.push(event);
      schedule();
    } else if (route === 'hold') {
      const list = early.get(runId) ?? [];
      list.push(event);
      early.set(runId, list);
    }
  });
}

/** Applies buffered events: series appended in place, the store updated once. */
export function flush(): void {
  const events = pending;
  pending = [];
  if (events.length === 0) return;
  const applied = reduceRunAll(runStore.getState(), events, batchSize());
  for (const point of applied.batches) liveSeries.batches.push(point);
  for (const epoch of applied.epochs) liveSeries.epochs.push(epoch);
  runStore.setState(() => applied.state);
  if (applied.batches.length > 0 || applied.epochs.length > 0) notifySeries();
  if (applied.finished) record(applied.state);
}

function batchSize(): number {
  return context?.training.batchSize ?? projectStore.getState().settings.training.batchSize;
}

/** Keeps the finished run in the project's history (the Runs tab). */
function record(s: RunState): void {
  const ctx = context;
  if (ctx === null) return;
  const run = runRecordOf(ctx, s, liveSeries);
  if (run === null) return;
  if (leftWeights(run))
    trainedStore.setState(() => ({ key: ctx.key, runId: run.id, testAccuracy: run.testAccuracy, endedAt: Date.now(), layers: trainedLayers }));
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
  const problem = problemBeforeStart(graph, inference);
  if (problem !== null) {
    runStore.setState(() => refusedRun(problem));
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
    model: graph.name,
    key,
    totalParams: inference.totals.total,
    training,
    dataset,
    limit,
    startedAt: new Date().toISOString(),
  };
  pending = [];
  early.clear();
  resetSeries();
  runStore.setState(() => startingRun({ name: graph.name, key, document: editor.store.getState().document, now: Date.now() }));
  const testLimit = limit === null ? undefined : Math.min(10_000, Math.max(500, Math.round(limit / 2)));
  const r = await api().invoke('train.start', {
    graph,
    training,
    dataset,
    backend,
    ...(limit === null ? {} : { limit: { train: limit, ...(testLimit === undefined ? {} : { test: testLimit }) } }),
    ...(weightsFrom === undefined ? {} : { weightsFrom }),
  });
  if (!r.ok) {
    context = null;
    runStore.setState(() => refusedRun(r.error.message));
    return;
  }
  const runId = r.value.runId;
  runStore.setState((s) => runAccepted(s, runId));
  const before = early.get(runId) ?? [];
  early.clear();
  pending.push(...before);
  schedule();
}

export async function stopTraining(): Promise<void> {
  const s = runStore.getState();
  if (!isRunning(s)) return;
  runStore.setState(stopRequested);
  const r = await api().invoke('train.stop', s.runId === null ? {} : { runId: s.runId });
  if (!r.ok) runStore.setState((x) => stopRefused(x, r.error.message));
}

export function toggleTraining(): void {
  if (isRunning()) void stopTraining();
  else void startTraining();
}
