import { z } from 'zod';
import { trainingHealthSchema } from './health';
import { datasetRefSchema, trainingSettingsSchema } from '../project/schema';
import { graphSchema } from './graphSchema';

/**
 * The training run's contract: what starts a run and every event the engine's worker sends
 * while it runs. Epochs and batches count from 1 (as Keras prints them). Field names are
 * camelCase like the rest of the TypeScript; metric names inside `metrics` / `valMetrics` are
 * data, spelled as Keras logs them ('accuracy', 'top_k_accuracy', 'val_accuracy'). The CLI's
 * `train --json` turns the keys to snake_case in one place (main/cli/trainJson.ts).
 */

/**
 * Training backends, fastest first (the order 'auto' tries): tfjs-node, our native N-API kernels,
 * our SIMD128 wasm kernels (both under tfjs-wasm), plain tfjs-wasm, plain JavaScript.
 */
export const backendNameSchema = z.enum(['tensorflow', 'native', 'simd', 'wasm', 'cpu']);
export type BackendName = z.infer<typeof backendNameSchema>;
export const backendChoiceSchema = z.enum(['auto', ...backendNameSchema.options]);
export type BackendChoice = z.infer<typeof backendChoiceSchema>;

/**
 * Where a run's weights start (absent: fresh initial weights): a model, project or weights file
 * opened by the one reader (`path`, with `weights` for a model JSON), or the previous run's model
 * in the engine. Layers that changed start fresh, and a warning event names them.
 */
export const weightsFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1), weights: z.string().min(1).optional() }),
  z.object({ kind: z.literal('previous') }),
]);
export type WeightsFrom = z.infer<typeof weightsFromSchema>;

export const trainRequestSchema = z.object({
  graph: graphSchema,
  training: trainingSettingsSchema,
  dataset: datasetRefSchema,
  backend: backendChoiceSchema.default('auto'),
  /** Sample caps (quick runs, tests). */
  limit: z.object({ train: z.number().int().positive().optional(), test: z.number().int().positive().optional() }).optional(),
  weightsFrom: weightsFromSchema.optional(),
});
export type TrainRequest = z.infer<typeof trainRequestSchema>;

const metricsSchema = z.record(z.string(), z.number());

export const trainEventSchema = z.discriminatedUnion('event', [
  /** The backend that runs the training, and every backend that failed to start before it (with why). */
  z.object({
    event: z.literal('backend'),
    backend: backendNameSchema.nullable(),
    detail: z.string().optional(),
    failures: z.array(z.object({ backend: backendNameSchema, reason: z.string() })),
    /** Why a faster backend of ours is not the one running, as a hint (not a failure): "native kernels not built (…): using SIMD128 wasm kernels, 2 threads". */
    hint: z.string().optional(),
  }),
  z.object({
    event: z.literal('dataset'),
    phase: z.enum(['reading', 'decoding', 'done']),
    loaded: z.number(),
    total: z.number().nullable(),
    skipped: z.number().optional(),
  }),
  /** Something the user should know that does not stop the run (a model-vs-data warning, skipped files). */
  z.object({ event: z.literal('warning'), code: z.string(), message: z.string() }),
  z.object({
    event: z.literal('start'),
    epochs: z.number().int(),
    stepsPerEpoch: z.number().int(),
    batchSize: z.number().int(),
    trainSamples: z.number().int(),
    validationSamples: z.number().int(),
    params: z.number().int(),
    memoryEstimateMb: z.number(),
  }),
  z.object({
    event: z.literal('batch'),
    epoch: z.number().int(),
    batch: z.number().int(),
    loss: z.number(),
    metrics: metricsSchema,
    samplesPerSecond: z.number(),
  }),
  z.object({
    event: z.literal('epoch'),
    epoch: z.number().int(),
    loss: z.number(),
    metrics: metricsSchema,
    valLoss: z.number().optional(),
    valMetrics: metricsSchema.optional(),
    learningRate: z.number(),
    durationMs: z.number(),
    etaMs: z.number(),
    /** Optional: per-layer histograms, activation statistics and warnings on a probe batch. */
    health: trainingHealthSchema.optional(),
  }),
  /** The run ended early; the weights trained so far are kept in the engine. */
  z.object({
    event: z.literal('stopped'),
    reason: z.enum(['user', 'nan', 'early_stopping']),
    message: z.string(),
    epoch: z.number().int(),
    batch: z.number().int(),
  }),
  /** The run could not start or broke (model/data mismatch, backend, crash, out of memory). */
  z.object({ event: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({
    event: z.literal('done'),
    testLoss: z.number(),
    testAccuracy: z.number().nullable(),
    samplesPerSecond: z.number(),
    backend: backendNameSchema,
    epochs: z.number().int(),
  }),
]);
export type TrainEvent = z.infer<typeof trainEventSchema>;
export type TrainEventOf<K extends TrainEvent['event']> = Extract<TrainEvent, { event: K }>;
