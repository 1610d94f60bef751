import path from 'node:path';
import type { EvaluateResult, PredictResult } from '../../../shared/api/inspect';
import { failure, failureOf, success, type Failure, type Outcome } from '../../../shared/api/outcome';
import type { DatasetRef } from '../../../shared/project/schema';
import { startBackend, type BackendChoice } from '../backend';
import { loadDataset } from '../datasets/loadDataset';
import type { DatasetProgress } from '../datasets/types';
import { loadSavedModel } from '../export/load';
import { saveModel, type ExportFormat, type SavedFiles } from '../export/save';
import type { OpenOptions } from '../../modelfile/read';
import { layerOutput, type LayerOutput } from './layerOutput';
import { inputShapeOf, type InspectContext } from './context';
import { evaluate, predict } from './evaluate';

/**
 * Inspection of a saved model, for the CLI's `evaluate` and `predict` (which may not import tfjs
 * themselves). Runs on the main thread: the CLI has nothing else to keep responsive.
 */

/** A failure, and whether it is the user's arguments (a missing model file, an unknown layer: exit code 2). */
export interface SavedModelFailure extends Failure {
  readonly usage?: boolean;
}

/** Starts the chosen backend (the engine's own selection: tensorflow, then wasm, then cpu for 'auto'). */
async function readyBackend(choice: BackendChoice): Promise<Outcome<{ backend: string; warnings: string[] }, SavedModelFailure>> {
  const started = await startBackend(choice);
  if (!started.ok) return failure(started.error.message);
  const warnings = choice === 'auto' ? [] : started.value.failures.map((f) => `backend ${f.backend} did not start: ${f.reason}`);
  return { ok: true, value: { backend: started.value.backend, warnings } };
}

export interface SavedEvaluation {
  readonly result: EvaluateResult;
  readonly datasetTitle: string;
  readonly backend: string;
  readonly warnings: readonly string[];
  readonly seconds: number;
}

/** Evaluates a .keras / TF.js model.json / Keras JSON (+ .weights.h5) on a dataset's held-out images. */
export async function evaluateSavedModel(
  file: string,
  dataset: DatasetRef,
  opts: {
    limit?: number;
    worst?: number;
    backend?: BackendChoice;
    open?: OpenOptions;
    onProgress?: (p: DatasetProgress | { phase: 'evaluating'; loaded: number; total: number }) => void;
  } = {},
): Promise<Outcome<SavedEvaluation, SavedModelFailure>> {
  const ready = await readyBackend(opts.backend ?? 'auto');
  if (!ready.ok) return ready;
  const { backend } = ready.value;
  const loaded = await loadSavedModel(file, opts.open);
  if (!loaded.ok) return failureOf({ message: loaded.error.message, usage: true });
  const { model, classNames, warnings, graph } = loaded.value;
  const inputShape = inputShapeOf(model);
  // A folder has no test split of its own here: every image in it is evaluated.
  const data = await loadDataset(dataset, {
    inputShape,
    limit: { train: dataset.kind === 'folder' ? (opts.limit ?? Infinity) : 0, test: opts.limit ?? Infinity },
    validationSplit: 0,
    onProgress: opts.onProgress,
  });
  if (!data.ok) return failure(data.error.message);
  const d = data.value;
  const heldOut = d.kind === 'folder' ? d.train : d.test;
  const ctx: InspectContext = { model, heldOut, classNames: d.classNames.length > 0 ? d.classNames : (classNames ?? []), graph };
  const started = Date.now();
  const r = await evaluate(ctx, { worst: opts.worst ?? 10, batchSize: 256 }, (loadedCount, total) =>
    opts.onProgress?.({ phase: 'evaluating', loaded: loadedCount, total }),
  );
  if (!r.ok) return failure(r.error.message);
  const skipped = d.skipped.map((s) => `skipped ${s.path}: ${s.reason}`);
  return {
    ok: true,
    value: {
      result: r.value,
      datasetTitle: d.title,
      backend,
      warnings: [...ready.value.warnings, ...warnings, ...skipped],
      seconds: (Date.now() - started) / 1000,
    },
  };
}

/** One image's prediction, or the sentence saying why that image could not be predicted. */
export interface SavedPrediction {
  readonly file: string;
  readonly outcome: Outcome<PredictResult>;
}

/** Predicts each image file with a saved model; a bad image is reported in its row, not fatal. */
export async function predictWithSavedModel(
  file: string,
  images: readonly string[],
  classNames?: readonly string[],
  backend: BackendChoice = 'auto',
  open: OpenOptions = {},
): Promise<Outcome<{ predictions: SavedPrediction[]; warnings: readonly string[] }, SavedModelFailure>> {
  const ready = await readyBackend(backend);
  if (!ready.ok) return ready;
  const loaded = await loadSavedModel(file, open);
  if (!loaded.ok) return failureOf({ message: loaded.error.message, usage: true });
  const ctx: InspectContext = { model: loaded.value.model, heldOut: null, classNames: classNames ?? loaded.value.classNames ?? [] };
  const predictions: SavedPrediction[] = [];
  for (const image of images) {
    const r = await predict(ctx, { sample: { kind: 'image', path: path.resolve(image) } });
    predictions.push({ file: image, outcome: r.ok ? success(r.value) : failure(r.error.message) });
  }
  return { ok: true, value: { predictions, warnings: [...ready.value.warnings, ...loaded.value.warnings] } };
}

/** One layer's output for one image with a saved model (`blockprop activations`). */
export async function activationsWithSavedModel(
  file: string,
  image: string,
  layer: string,
  backend: BackendChoice = 'auto',
  open: OpenOptions = {},
): Promise<Outcome<{ output: LayerOutput; warnings: readonly string[] }, SavedModelFailure>> {
  const ready = await readyBackend(backend);
  if (!ready.ok) return ready;
  const loaded = await loadSavedModel(file, open);
  if (!loaded.ok) return failureOf({ message: loaded.error.message, usage: true });
  const { model } = loaded.value;
  if (!model.layers.some((l) => l.name === layer)) {
    const names = model.layers.map((l) => l.name);
    return failureOf({
      message: `the model has no layer '${layer}'; its layers are ${names.slice(0, 40).join(', ')}${names.length > 40 ? ', …' : ''}`,
      usage: true,
    });
  }
  const ctx: InspectContext = { model, heldOut: null, classNames: [] };
  const r = await layerOutput(ctx, layer, { kind: 'image', path: path.resolve(image) });
  if (!r.ok) return failure(r.error.message);
  return { ok: true, value: { output: r.value, warnings: [...ready.value.warnings, ...loaded.value.warnings] } };
}

/** Writes a model file in a format that holds weights (`.keras`, TF.js, Keras JSON + `.weights.h5`), with the file's weights. */
export async function convertSavedModel(
  file: string,
  format: ExportFormat,
  target: string,
  open: OpenOptions = {},
): Promise<Outcome<{ saved: SavedFiles; warnings: readonly string[] }, SavedModelFailure>> {
  const ready = await readyBackend('cpu');
  if (!ready.ok) return ready;
  const loaded = await loadSavedModel(file, open);
  if (!loaded.ok) return failureOf({ message: loaded.error.message, usage: true });
  const { model, graph, classNames } = loaded.value;
  try {
    const saved = await saveModel(model, graph, format, target, classNames !== null ? { classNames } : {});
    return saved.ok ? { ok: true, value: { saved: saved.value, warnings: loaded.value.warnings } } : failure(saved.error.message);
  } finally {
    model.dispose();
  }
}
