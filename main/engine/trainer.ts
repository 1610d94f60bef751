import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { BackendName, TrainEvent, TrainRequest } from '../../shared/api/training';
import type { Graph } from '../../shared/graph/types';
import type { TrainingSettings } from '../../shared/project';
import { startBackend } from './backend';
import { loadDataset } from './datasets/loadDataset';
import { checkModelAgainstData, labelEncoding, type LossName, type ModelEnds } from './datasets/mismatch';
import { seededPermutation, seededRandom } from './datasets/random';
import type { LoadedDataset } from './datasets/types';
import { estimateTrainingBytes, memoryLimitBytes, tooBigMessage } from './memory';
import { buildModel, metricNames, optimizerSlots, setLearningRate } from './model';
import { Schedule } from './schedule';
import { measureHealth } from './health';
import type { TrainingHealth } from '../../shared/api/health';
import { batchTensors, evaluateSet } from './trainData';
import { applyStartWeights } from './startWeights';
import { rememberRunModel } from './weightStore';

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

/** Images in the fixed probe batch the health view measures on. */
const PROBE = 32;
/** Health measuring may take at most this share of the run's training time (issue 12: < 5 %). */
const HEALTH_BUDGET = 0.05;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function modelEnds(model: LayersModel, graph: Graph): ModelEnds {
  const input = model.inputs[0];
  const output = model.outputs[0];
  const outLayer = model.outputLayers[0];
  const outNode = graph.nodes.find((n) => n.name === outLayer?.name);
  const inNode = graph.nodes.find((n) => n.kind === 'InputLayer');
  const act = outNode?.params['activation'];
  return {
    input: { name: inNode?.name ?? 'input', ...(inNode ? { nodeId: inNode.id } : {}), shape: input?.shape.slice(1) ?? [] },
    output: {
      name: outLayer?.name ?? 'output',
      kind: outNode?.kind ?? outLayer?.getClassName() ?? '',
      ...(outNode ? { nodeId: outNode.id } : {}),
      shape: output?.shape.slice(1) ?? [],
      ...(typeof act === 'string' ? { activation: act } : {}),
    },
  };
}

function named(names: readonly string[], values: readonly number[], prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[prefix + n] = values[i + 1] ?? NaN));
  return out;
}

export async function runTraining(req: TrainRequest, emit: (e: TrainEvent) => void, opts: TrainOptions): Promise<TrainOutcome> {
  const { graph, training } = req;
  const failed: TrainOutcome = { model: null, graph, dataset: null, loss: training.loss };
  const started = await startBackend(req.backend);
  emit({
    event: 'backend',
    backend: started.ok ? started.backend : null,
    ...(started.ok ? { detail: started.detail } : {}),
    failures: [...started.failures],
    ...(started.ok && started.hint !== null ? { hint: started.hint } : {}),
  });
  if (!started.ok) {
    emit({ event: 'error', code: 'backend', message: started.message });
    return failed;
  }
  const restoreRandom = Math.random;
  if (training.seed !== null) Math.random = seededRandom(training.seed);
  try {
    const outcome = await train(req, started.backend, emit, opts);
    if (outcome.model !== null) rememberRunModel(outcome.model, outcome.graph);
    return outcome;
  } catch (e) {
    emit({ event: 'error', code: 'engine', message: `Training failed: ${errorText(e)}` });
    return failed;
  } finally {
    Math.random = restoreRandom;
  }
}

async function train(req: TrainRequest, backend: BackendName, emit: (e: TrainEvent) => void, opts: TrainOptions): Promise<TrainOutcome> {
  const { graph, training } = req;
  const result: { model: LayersModel | null; dataset: LoadedDataset | null } = { model: null, dataset: null };
  const outcome = (): TrainOutcome => ({ ...result, graph, loss: training.loss });
  const built = await buildModel(graph, training);
  if (!built.ok) {
    emit({ event: 'error', code: 'model', message: built.message });
    return outcome();
  }
  const { model, optimizer } = built;
  result.model = model;
  if (req.weightsFrom !== undefined) {
    const start = await applyStartWeights(model, req.weightsFrom, opts.previous ?? null);
    if (!start.ok) {
      emit({ event: 'error', code: 'weights', message: start.message });
      return outcome();
    }
    if (start.message !== null) emit({ event: 'warning', code: 'weights', message: start.message });
  }
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    emit({ event: 'error', code: 'model', message: 'Training supports models with one Input and one output; this model has ' + `${model.inputs.length} inputs and ${model.outputs.length} outputs.` });
    return outcome();
  }
  const ends = modelEnds(model, graph);
  let lastProgress = 0;
  const loaded = await loadDataset(req.dataset, {
    inputShape: ends.input.shape,
    ...(req.limit ? { limit: req.limit } : {}),
    // A folder has no test split of its own: validating "on the test set" holds out its usual 20 %
    // (with none held out the final test evaluation had no images and the run never reported 'done').
    validationSplit: training.validation === 'split' ? training.validationSplit : req.dataset.kind === 'folder' ? 0.2 : 0,
    ...(training.seed !== null ? { seed: training.seed } : {}),
    ...(opts.packageRoot !== undefined ? { packageRoot: opts.packageRoot } : {}),
    onProgress: (p) => {
      const now = Date.now();
      if (p.phase !== 'done' && now - lastProgress < 250) return;
      lastProgress = now;
      emit({ event: 'dataset', phase: p.phase, loaded: p.loaded, total: p.total, ...(p.skipped !== undefined ? { skipped: p.skipped } : {}) });
    },
  });
  if (!loaded.ok) {
    emit({ event: 'error', code: 'dataset', message: loaded.message });
    return outcome();
  }
  const data = loaded.dataset;
  result.dataset = data;
  if (data.skipped.length > 0) emit({ event: 'warning', code: 'skipped-files', message: `${data.skipped.length} unreadable files were skipped (first: ${data.skipped[0]?.path ?? ''}: ${data.skipped[0]?.reason ?? ''}).` });
  const facts = { title: data.title, imageShape: data.train.imageShape, resizable: data.kind === 'folder', classNames: data.classNames };
  const issues = checkModelAgainstData(ends, facts, training.loss);
  const errors = issues.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    emit({ event: 'error', code: 'data-mismatch', message: errors.map((d) => d.message).join('\n') });
    return outcome();
  }
  for (const w of issues) emit({ event: 'warning', code: w.code, message: w.message });

  const batchSize = Math.min(training.batchSize, Math.max(1, data.train.count));
  const estimate = estimateTrainingBytes(model, batchSize, optimizerSlots(training.optimizer));
  const tooBig = tooBigMessage(estimate, memoryLimitBytes(backend), batchSize, backend);
  if (tooBig !== null) {
    emit({ event: 'error', code: 'memory', message: tooBig });
    return outcome();
  }
  const validation = training.validation === 'split' ? data.validation : data.test;
  const encoding = labelEncoding(training.loss);
  const classes = model.outputs[0]?.shape[model.outputs[0].shape.length - 1] ?? 1;
  const sampleShape = data.sampleShape;
  const names = metricNames(training.metrics);
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

  const schedule = new Schedule(training);
  const interval = opts.batchEventIntervalMs ?? 200;
  let trainedSamples = 0;
  let trainMs = 0;
  let epochsDone = 0;
  const epochDurations: number[] = [];
  const baseSeed = training.seed ?? Math.floor(Math.random() * 2 ** 31);
  // The same images every epoch, so the health histograms compare like with like.
  const probe = opts.health === false ? null : batchTensors(data.train, Uint32Array.from({ length: Math.min(PROBE, data.train.count) }, (_, i) => i), sampleShape, encoding, classes);
  const release = () => { if (probe !== null) tf.dispose([probe.x, probe.y]); };
  let healthMs = 0;
  let lastHealthMs: number | null = null;
  for (let epoch = 1; epoch <= training.epochs; epoch++) {
    setLearningRate(optimizer, schedule.learningRate);
    const epochStart = Date.now();
    const order = training.shuffle ? seededPermutation(data.train.count, baseSeed + epoch) : Uint32Array.from({ length: data.train.count }, (_, i) => i);
    const sums: number[] = [];
    let seen = 0;
    let lastEmit = 0;
    for (let b = 0; b < steps; b++) {
      if (opts.shouldStop()) {
        emit({ event: 'stopped', reason: 'user', message: `Stopped at epoch ${epoch}, batch ${b}; the weights trained so far are kept.`, epoch, batch: b });
        release();
        return outcome();
      }
      const indices = order.subarray(b * batchSize, Math.min(data.train.count, (b + 1) * batchSize));
      const t0 = Date.now();
      const { x, y } = batchTensors(data.train, indices, sampleShape, encoding, classes);
      const out = await model.trainOnBatch(x, y);
      tf.dispose([x, y]);
      trainMs += Date.now() - t0;
      const values = Array.isArray(out) ? out : [out];
      const loss = values[0] ?? NaN;
      if (!Number.isFinite(loss)) {
        emit({
          event: 'stopped',
          reason: 'nan',
          message: `The loss became ${String(loss)} at epoch ${epoch}, batch ${b + 1}: training diverged. Lower the learning rate (now ${schedule.learningRate}) and train again.`,
          epoch,
          batch: b + 1,
        });
        release();
        return outcome();
      }
      const n = indices.length;
      seen += n;
      trainedSamples += n;
      values.forEach((v, i) => (sums[i] = (sums[i] ?? 0) + v * n));
      const now = Date.now();
      if (now - lastEmit >= interval || b === steps - 1) {
        lastEmit = now;
        const avg = sums.map((s) => s / seen);
        emit({ event: 'batch', epoch, batch: b + 1, loss: avg[0] ?? NaN, metrics: named(names, avg), samplesPerSecond: trainedSamples / Math.max(1e-3, trainMs / 1000) });
      }
      // Lets the worker see a stop message between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const avg = sums.map((s) => s / Math.max(1, seen));
    const logs: Record<string, number> = { loss: avg[0] ?? NaN, ...named(names, avg) };
    let valLoss: number | undefined;
    let valMetrics: Record<string, number> | undefined;
    if (validation !== null && validation.count > 0) {
      const v = await evaluateSet(model, validation, sampleShape, encoding, classes);
      valLoss = v[0] ?? NaN;
      valMetrics = named(names, v, 'val_');
      Object.assign(logs, { val_loss: valLoss }, valMetrics);
    }
    // Skipped when it would take the measuring past the budget. The first estimate is deliberately
    // high (four probe batches at training speed, at least 150 ms: reading the histograms has fixed
    // costs); measured 383 ms on a 4.5 s epoch of the FC net where two passes predicted 50 ms.
    const expected: number = lastHealthMs ?? Math.max(150, (trainMs / Math.max(1, trainedSamples)) * PROBE * 4);
    // A run that could afford no report by its last epoch still gets one there: training is over by
    // then, so it delays the result by one probe pass without slowing a single batch (on the
    // native kernels a 20,000-image FC epoch takes about a second, less than 150 ms / 5 %).
    const lastChance: boolean = epoch === training.epochs && lastHealthMs === null;
    const affordable: boolean = lastChance || healthMs + expected <= (opts.healthBudget ?? HEALTH_BUDGET) * trainMs;
    const health: TrainingHealth | null = probe === null || !affordable ? null : await measureHealth(model, probe, epoch, training.loss).catch(() => null);
    if (health !== null) {
      healthMs += health.costMs;
      lastHealthMs = health.costMs;
    }
    const durationMs = Date.now() - epochStart;
    epochDurations.push(durationMs);
    epochsDone = epoch;
    const mean = epochDurations.reduce((a, d) => a + d, 0) / epochDurations.length;
    emit({
      event: 'epoch',
      epoch,
      loss: logs['loss'] ?? NaN,
      metrics: named(names, avg),
      ...(valLoss !== undefined ? { valLoss } : {}),
      ...(valMetrics !== undefined ? { valMetrics } : {}),
      learningRate: schedule.learningRate,
      durationMs,
      etaMs: Math.round(mean * (training.epochs - epoch)),
      ...(health !== null ? { health } : {}),
    });
    const verdict = schedule.endEpoch(epoch, logs);
    if (verdict.stop) {
      emit({ event: 'stopped', reason: 'early_stopping', message: verdict.message, epoch, batch: steps });
      break;
    }
  }
  const test = await evaluateSet(model, data.test, sampleShape, encoding, classes);
  const accIndex = names.indexOf('accuracy');
  emit({
    event: 'done',
    testLoss: test[0] ?? NaN,
    testAccuracy: accIndex >= 0 ? (test[accIndex + 1] ?? null) : null,
    samplesPerSecond: trainedSamples / Math.max(1e-3, trainMs / 1000),
    backend,
    epochs: epochsDone,
  });
  release();
  return outcome();
}

export type { TrainingSettings };
