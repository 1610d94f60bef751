import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { BackendName, TrainEvent, TrainRequest } from '../../shared/api/training';
import type { Graph } from '../../shared/graph/types';
import { activationParam } from '../../shared/layers/activationParam';
import type { TrainingSettings } from '../../shared/project';
import { startBackend } from './backend';
import { loadDataset } from './datasets/loadDataset';
import { checkModelAgainstData, labelEncoding, type LossName, type ModelEnds } from './datasets/mismatch';
import { seededPermutation, seededRandom } from '../../shared/random';
import type { DatasetProgress, ImageSet, LoadedDataset } from './datasets/types';
import { estimateTrainingBytes, memoryLimitBytes, tooBigMessage } from './memory';
import { buildModel, metricNames, optimizerSlots, setLearningRate } from './model';
import { Schedule } from './schedule';
import { measureHealth, type HealthProbe } from './health';
import type { TrainingHealth } from '../../shared/api/health';
import { batchTensors, evaluateSet, type Encoding } from './trainData';
import { applyStartWeights } from './startWeights';
import { rememberRunModel } from './weightStore';
import {
  batchDue,
  batchEvent,
  divergedEvent,
  doneEvent,
  epochEvent,
  HEALTH_BUDGET,
  healthAffordable,
  named,
  newTally,
  PROBE,
  userStopEvent,
  type RunTally,
} from './runEvents';

/**
 * One training run, start to end: backend, model (through the Keras export), data, checks,
 * the epoch/batch loop with its events, and the final test evaluation. Runs inside the worker;
 * everything the user should hear about arrives through `emit`, never as a thrown error.
 */

export interface TrainOutcome {
  readonly model: LayersModel | null;
  readonly graph: Graph;
  readonly dataset: LoadedDataset | null;
  readonly loss: LossName;
}

export interface TrainOptions {
  /** Checked between batches; true stops the run (weights kept). */
  readonly shouldStop: () => boolean;
  /** Where the built-in datasets live (tests). */
  readonly packageRoot?: string;
  /** Minimum time between two 'batch' events (ms). */
  readonly batchEventIntervalMs?: number;
  /** The previous run's model, for `weightsFrom: {kind: 'previous'}`. */
  readonly previous?: LayersModel | null;
  /** Per-epoch training health on a probe batch (epoch events' `health`); default on. */
  readonly health?: boolean;
  /** Share of the training time health measuring may take (default 5 %); tests raise it. */
  readonly healthBudget?: number;
}

type Emit = (e: TrainEvent) => void;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function modelEnds(model: LayersModel, graph: Graph): ModelEnds {
  const input = model.inputs[0];
  const output = model.outputs[0];
  const outLayer = model.outputLayers[0];
  const outNode = graph.nodes.find((n) => n.name === outLayer?.name);
  const inNode = graph.nodes.find((n) => n.kind === 'InputLayer');
  const act = outNode ? activationParam(outNode.kind, outNode.params) : undefined;
  return {
    input: { name: inNode?.name ?? 'input', ...(inNode ? { nodeId: inNode.id } : {}), shape: input?.shape.slice(1) ?? [] },
    output: {
      name: outLayer?.name ?? 'output',
      kind: outNode?.kind ?? outLayer?.getClassName() ?? '',
      ...(outNode ? { nodeId: outNode.id } : {}),
      shape: output?.shape.slice(1) ?? [],
      ...(act !== undefined ? { activation: act } : {}),
    },
  };
}

export async function runTraining(req: TrainRequest, emit: Emit, opts: TrainOptions): Promise<TrainOutcome> {
  const { graph, training } = req;
  const failed: TrainOutcome = { model: null, graph, dataset: null, loss: training.loss };
  const started = await startBackend(req.backend);
  emit({
    event: 'backend',
    backend: started.ok ? started.value.backend : null,
    ...(started.ok ? { detail: started.value.detail } : {}),
    failures: [...(started.ok ? started.value.failures : started.error.failures)],
    ...(started.ok && started.value.hint !== null ? { hint: started.value.hint } : {}),
  });
  if (!started.ok) {
    emit({ event: 'error', code: 'backend', message: started.error.message });
    return failed;
  }
  const restoreRandom = Math.random;
  if (training.seed !== null) Math.random = seededRandom(training.seed);
  try {
    const outcome = await train(req, started.value.backend, emit, opts);
    if (outcome.model !== null) rememberRunModel(outcome.model, outcome.graph);
    return outcome;
  } catch (e) {
    emit({ event: 'error', code: 'engine', message: `Training failed: ${errorText(e)}` });
    return failed;
  } finally {
    Math.random = restoreRandom;
  }
}

/** Model, data, plan, epochs: a step that fails has said why, and the run ends with what was made so far. */
async function train(req: TrainRequest, backend: BackendName, emit: Emit, opts: TrainOptions): Promise<TrainOutcome> {
  const { graph, training } = req;
  const outcome = (model: LayersModel | null, dataset: LoadedDataset | null): TrainOutcome => ({ model, dataset, graph, loss: training.loss });
  const built = await buildModel(graph, training);
  if (!built.ok) {
    emit({ event: 'error', code: 'model', message: built.error.message });
    return outcome(null, null);
  }
  const { model, optimizer } = built.value;
  if (!(await modelReady(model, req, emit, opts))) return outcome(model, null);
  const ends = modelEnds(model, graph);
  const data = await loadData(req, ends, emit, opts);
  if (data === null) return outcome(model, null);
  if (!dataFits(ends, data, training.loss, emit)) return outcome(model, data);
  const plan = planRun(req, backend, model, data, emit);
  if (plan !== null) await runEpochs(plan, optimizer, backend, emit, opts);
  return outcome(model, data);
}

// --- before the first batch: each step says what is wrong through `emit` and answers whether to go on

/** The start weights, and a model training can feed: one Input, one output. */
async function modelReady(model: LayersModel, req: TrainRequest, emit: Emit, opts: TrainOptions): Promise<boolean> {
  if (req.weightsFrom !== undefined) {
    const start = await applyStartWeights(model, req.weightsFrom, opts.previous ?? null);
    if (!start.ok) {
      emit({ event: 'error', code: 'weights', message: start.error.message });
      return false;
    }
    if (start.value !== null) emit({ event: 'warning', code: 'weights', message: start.value });
  }
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    emit({
      event: 'error',
      code: 'model',
      message: 'Training supports models with one Input and one output; this model has ' + `${model.inputs.length} inputs and ${model.outputs.length} outputs.`,
    });
    return false;
  }
  return true;
}

/** The dataset shaped for the model's Input; null when it could not be read. */
async function loadData(req: TrainRequest, ends: ModelEnds, emit: Emit, opts: TrainOptions): Promise<LoadedDataset | null> {
  const { training } = req;
  const loaded = await loadDataset(req.dataset, {
    inputShape: ends.input.shape,
    ...(req.limit ? { limit: req.limit } : {}),
    // A folder has no test split of its own: validating "on the test set" holds out its usual 20 %
    // (with none held out the final test evaluation had no images and the run never reported 'done').
    validationSplit: training.validation === 'split' ? training.validationSplit : req.dataset.kind === 'folder' ? 0.2 : 0,
    ...(training.seed !== null ? { seed: training.seed } : {}),
    ...(opts.packageRoot !== undefined ? { packageRoot: opts.packageRoot } : {}),
    onProgress: datasetProgress(emit),
  });
  if (!loaded.ok) {
    emit({ event: 'error', code: 'dataset', message: loaded.error.message });
    return null;
  }
  const data = loaded.value;
  if (data.skipped.length > 0)
    emit({
      event: 'warning',
      code: 'skipped-files',
      message: `${data.skipped.length} unreadable files were skipped (first: ${data.skipped[0]?.path ?? ''}: ${data.skipped[0]?.reason ?? ''}).`,
    });
  return data;
}

/** Loading progress at most every 250 ms, and always its end. */
function datasetProgress(emit: Emit): (p: DatasetProgress) => void {
  let lastProgress = 0;
  return (p) => {
    const now = Date.now();
    if (p.phase !== 'done' && now - lastProgress < 250) return;
    lastProgress = now;
    emit({ event: 'dataset', phase: p.phase, loaded: p.loaded, total: p.total, ...(p.skipped !== undefined ? { skipped: p.skipped } : {}) });
  };
}

/** The model's Input and output against the images and classes; its warnings are passed on. */
function dataFits(ends: ModelEnds, data: LoadedDataset, loss: LossName, emit: Emit): boolean {
  const facts = { title: data.title, imageShape: data.train.imageShape, resizable: data.kind === 'folder', classNames: data.classNames };
  const issues = checkModelAgainstData(ends, facts, loss);
  const errors = issues.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    emit({ event: 'error', code: 'data-mismatch', message: errors.map((d) => d.message).join('\n') });
    return false;
  }
  for (const w of issues) emit({ event: 'warning', code: w.code, message: w.message });
  return true;
}

/** What every batch of the run uses, settled once. */
interface RunPlan {
  readonly model: LayersModel;
  readonly data: LoadedDataset;
  readonly training: TrainingSettings;
  readonly validation: ImageSet | null;
  readonly encoding: Encoding;
  readonly classes: number;
  readonly names: readonly string[];
  /** The settings' batch size, at most the training set. */
  readonly batchSize: number;
  readonly steps: number;
}

/** The batch size and steps, refused when it cannot fit in memory; announced with 'start'. */
function planRun(req: TrainRequest, backend: BackendName, model: LayersModel, data: LoadedDataset, emit: Emit): RunPlan | null {
  const { training } = req;
  const batchSize = Math.min(training.batchSize, Math.max(1, data.train.count));
  const estimate = estimateTrainingBytes(model, batchSize, optimizerSlots(training.optimizer));
  const tooBig = tooBigMessage(estimate, memoryLimitBytes(backend), batchSize, backend);
  if (tooBig !== null) {
    emit({ event: 'error', code: 'memory', message: tooBig });
    return null;
  }
  const validation = training.validation === 'split' ? data.validation : data.test;
  const classes = model.outputs[0]?.shape[model.outputs[0].shape.length - 1] ?? 1;
  const steps = Math.ceil(data.train.count / batchSize);
  emit({
    event: 'start',
    epochs: training.epochs,
    stepsPerEpoch: steps,
    batchSize,
    trainSamples: data.train.count,
    validationSamples: validation?.count ?? 0,
    params: model.countParams(),
    memoryEstimateMb: Math.round(estimate / 1024 ** 2),
  });
  return { model, data, training, validation, encoding: labelEncoding(training.loss), classes, names: metricNames(training.metrics), batchSize, steps };
}

// --- the epoch loop ------------------------------------------------------------------------------

/** The plan, the run's counters and the probe batch, as each step of the loop needs them. */
interface Loop extends RunPlan {
  readonly tally: RunTally;
  readonly probe: HealthProbe | null;
  readonly emit: Emit;
  readonly opts: TrainOptions;
}

/** Epochs until the last, a stop, a NaN loss or early stopping; then the test evaluation unless the run was cut short. */
async function runEpochs(plan: RunPlan, optimizer: tf.Optimizer, backend: BackendName, emit: Emit, opts: TrainOptions): Promise<void> {
  const { training, data } = plan;
  const schedule = new Schedule(training);
  const tally = newTally();
  const baseSeed = training.seed ?? Math.floor(Math.random() * 2 ** 31);
  // The same images every epoch, so the health histograms compare like with like.
  const probe =
    opts.health === false
      ? null
      : batchTensors(
          data.train,
          Uint32Array.from({ length: Math.min(PROBE, data.train.count) }, (_, i) => i),
          data.sampleShape,
          plan.encoding,
          plan.classes,
        );
  const loop: Loop = { ...plan, tally, probe, emit, opts };
  try {
    for (let epoch = 1; epoch <= training.epochs; epoch++) {
      setLearningRate(optimizer, schedule.learningRate);
      const epochStart = Date.now();
      const order = training.shuffle ? seededPermutation(data.train.count, baseSeed + epoch) : Uint32Array.from({ length: data.train.count }, (_, i) => i);
      const sums = await trainEpoch(loop, epoch, order, schedule.learningRate);
      if (sums === null) return;
      const logs = await endEpoch(loop, epoch, epochStart, sums, schedule.learningRate);
      const verdict = schedule.endEpoch(epoch, logs);
      if (verdict.stop) {
        emit({ event: 'stopped', reason: 'early_stopping', message: verdict.message, epoch, batch: plan.steps });
        break;
      }
    }
    const test = await evaluateSet(plan.model, data.test, data.sampleShape, plan.encoding, plan.classes);
    emit(doneEvent(test, plan.names, tally, backend));
  } finally {
    if (probe !== null) tf.dispose([probe.x, probe.y]);
  }
}

/** An epoch's loss and metrics summed over its images (each batch weighted by its size). */
interface EpochSums {
  readonly sums: number[];
  readonly seen: number;
}

/** The epoch's batches in `order`; null when the person stopped the run or the loss diverged (said through emit). */
async function trainEpoch(loop: Loop, epoch: number, order: Uint32Array, learningRate: number): Promise<EpochSums | null> {
  const { data, batchSize, steps, tally, emit, opts } = loop;
  const interval = opts.batchEventIntervalMs ?? 200;
  const sums: number[] = [];
  let seen = 0;
  let lastEmit = 0;
  for (let b = 0; b < steps; b++) {
    if (opts.shouldStop()) {
      emit(userStopEvent(epoch, b));
      return null;
    }
    const indices = order.subarray(b * batchSize, Math.min(data.train.count, (b + 1) * batchSize));
    const values = await trainBatch(loop, indices);
    const loss = values[0] ?? NaN;
    if (!Number.isFinite(loss)) {
      emit(divergedEvent(loss, epoch, b, learningRate));
      return null;
    }
    const n = indices.length;
    seen += n;
    tally.trainedSamples += n;
    values.forEach((v, i) => (sums[i] = (sums[i] ?? 0) + v * n));
    const now = Date.now();
    if (batchDue(now, lastEmit, interval, b, steps)) {
      lastEmit = now;
      emit(batchEvent(epoch, b, sums, seen, loop.names, tally));
    }
    // Lets the worker see a stop message between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { sums, seen };
}

/** One optimizer step on the images at `indices`: the batch's loss and metrics; its time counts as training time. */
async function trainBatch(loop: Loop, indices: Uint32Array): Promise<number[]> {
  const t0 = Date.now();
  const { x, y } = batchTensors(loop.data.train, indices, loop.data.sampleShape, loop.encoding, loop.classes);
  const out = await loop.model.trainOnBatch(x, y);
  tf.dispose([x, y]);
  loop.tally.trainMs += Date.now() - t0;
  return Array.isArray(out) ? out : [out];
}

/** Validation, health and the 'epoch' event; returns the epoch's logs for the schedule and early stopping. */
async function endEpoch(loop: Loop, epoch: number, epochStart: number, epochSums: EpochSums, learningRate: number): Promise<Record<string, number>> {
  const { names, tally } = loop;
  const avg = epochSums.sums.map((s) => s / Math.max(1, epochSums.seen));
  const logs: Record<string, number> = { loss: avg[0] ?? NaN, ...named(names, avg) };
  const validation = await validate(loop);
  if (validation !== null) Object.assign(logs, { val_loss: validation.valLoss }, validation.valMetrics);
  const health = await epochHealth(loop, epoch);
  const durationMs = Date.now() - epochStart;
  tally.epochDurations.push(durationMs);
  tally.epochsDone = epoch;
  loop.emit(
    epochEvent({ epoch, epochs: loop.training.epochs, avg, names, validation, learningRate, durationMs, epochDurations: tally.epochDurations, health }),
  );
  return logs;
}

/** The validation set's loss and metrics (val_ names); null without validation images. */
async function validate(loop: Loop): Promise<{ valLoss: number; valMetrics: Record<string, number> } | null> {
  const { validation } = loop;
  if (validation === null || validation.count === 0) return null;
  const v = await evaluateSet(loop.model, validation, loop.data.sampleShape, loop.encoding, loop.classes);
  return { valLoss: v[0] ?? NaN, valMetrics: named(loop.names, v, 'val_') };
}

/** The epoch's training health on the probe batch, when on and within its budget; a failed measurement is skipped. */
async function epochHealth(loop: Loop, epoch: number): Promise<TrainingHealth | null> {
  const { probe, tally } = loop;
  if (probe === null || !healthAffordable(tally, epoch, loop.training.epochs, loop.opts.healthBudget ?? HEALTH_BUDGET)) return null;
  const health = await measureHealth(loop.model, probe, epoch, loop.training.loss).catch(() => null);
  if (health !== null) {
    tally.healthMs += health.costMs;
    tally.lastHealthMs = health.costMs;
  }
  return health;
}

export type { TrainingSettings };
