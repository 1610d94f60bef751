import { z } from 'zod';
import { datasetRefSchema } from '../project/schema';
import { graphSchema } from './graphSchema';

/**
 * Looking inside a model (the Inspect tab): requests and results
 * of evaluate, predict, activations, kernels and the fully connected "what the network sees".
 * They all work on the engine's current weights: trained, or freshly initialised.
 *
 * Payload encodings, chosen to stay small:
 * - images (samples, worst mistakes): `data` = base64 of 8-bit pixels, row-major HWC;
 * - feature maps: `data` = base64 of 8-bit values quantised between the map's own min and max
 *   (value = min + q / 255 · (max − min)), or of little-endian float32 with encoding 'f32';
 * - probabilities, kernels, dense vectors, FC images: plain numbers rounded to 6 significant digits.
 */

// --- what to inspect ------------------------------------------------------------------------
/**
 * Every inspect request may name the graph and dataset it is about. The engine uses its trained
 * model when `graph` is the one it trained (same layers and parameters; positions do not count),
 * otherwise a freshly initialised model of `graph` (kept, so repeated looks agree) — the
 * "before training" view. Without `dataset` it uses the last run's data.
 */
const target = {
  graph: graphSchema.optional(),
  dataset: datasetRefSchema.optional(),
};

// --- samples --------------------------------------------------------------------------------
export const sampleRefSchema = z.discriminatedUnion('kind', [
  /** The i-th image of the held-out set (MNIST / Fashion-MNIST test set, a folder's validation part). */
  z.object({ kind: z.literal('test'), index: z.number().int().min(0) }),
  /** A JPEG or PNG file, resized to the Input like the training images. */
  z.object({ kind: z.literal('image'), path: z.string().min(1) }),
  /** Pixels drawn in the app (28×28 digit): values in [0, 1], row-major, HWC. */
  z.object({
    kind: z.literal('pixels'),
    width: z.number().int().min(1).max(1024),
    height: z.number().int().min(1).max(1024),
    channels: z.union([z.literal(1), z.literal(3)]).default(1),
    data: z.array(z.number().min(0).max(1)),
  }),
]);
export type SampleRef = z.infer<typeof sampleRefSchema>;

export const imageSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  channels: z.number().int(),
  /** base64 of width × height × channels bytes. */
  data: z.string(),
});
export type InspectImage = z.infer<typeof imageSchema>;

// --- evaluate -------------------------------------------------------------------------------
export const evaluateRequestSchema = z.object({
  ...target,
  /** Evaluate on the first N held-out samples only (quick looks; default all). */
  limit: z.number().int().positive().optional(),
  /** How many of the most confident mistakes to return. */
  worst: z.number().int().min(0).max(200).default(16),
  batchSize: z.number().int().positive().max(4096).default(256),
});
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

export const mistakeSchema = z.object({
  index: z.number().int(),
  label: z.number().int(),
  predicted: z.number().int(),
  probabilities: z.array(z.number()),
  image: imageSchema,
});
export type Mistake = z.infer<typeof mistakeSchema>;

export const evaluateResultSchema = z.object({
  loss: z.number(),
  accuracy: z.number(),
  count: z.number().int(),
  classNames: z.array(z.string()),
  /** confusion[true][predicted] counts. */
  confusion: z.array(z.array(z.number().int())),
  /** Per true class; null for a class without samples. */
  perClassAccuracy: z.array(z.number().nullable()),
  /** Misclassified samples, lowest probability on the true class first. */
  worst: z.array(mistakeSchema),
  /** Per evaluated sample (held-out order): true and predicted class — a confusion cell's samples are a filter away. */
  labels: z.array(z.number().int()),
  predicted: z.array(z.number().int()),
});
export type EvaluateResult = z.infer<typeof evaluateResultSchema>;

// --- predict --------------------------------------------------------------------------------
export const predictRequestSchema = z.object({ ...target, sample: sampleRefSchema });
export type PredictRequest = z.infer<typeof predictRequestSchema>;

export const predictResultSchema = z.object({
  probabilities: z.array(z.number()),
  predicted: z.number().int(),
  classNames: z.array(z.string()),
  /** The true class for a test sample; null for files and drawings. */
  label: z.number().int().nullable(),
  /** What the model was fed, at the Input's size (8-bit). */
  image: imageSchema,
});
export type PredictResult = z.infer<typeof predictResultSchema>;

// --- activations ----------------------------------------------------------------------------
export const activationsRequestSchema = z.object({
  ...target,
  /** Keras layer name (the block's name). */
  layer: z.string().min(1),
  sample: sampleRefSchema,
  encoding: z.enum(['u8', 'f32']).default('u8'),
});
export type ActivationsRequest = z.infer<typeof activationsRequestSchema>;

export const activationMapSchema = z.object({
  channel: z.number().int(),
  min: z.number(),
  max: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  data: z.string(),
});
export type ActivationMap = z.infer<typeof activationMapSchema>;

export const activationsResultSchema = z.object({
  layer: z.string(),
  className: z.string(),
  /** The layer's output shape, batch dimension first: (None, 26, 26, 32). */
  shape: z.array(z.number().nullable()),
  /** 'maps': one map per channel (H×W×C outputs); 'vector': a Dense-like output as one 1×N strip. */
  kind: z.enum(['maps', 'vector']),
  encoding: z.enum(['u8', 'f32']),
  maps: z.array(activationMapSchema),
  /** For 'vector': the values themselves (rounded). */
  values: z.array(z.number()).optional(),
});
export type ActivationsResult = z.infer<typeof activationsResultSchema>;

// --- kernels --------------------------------------------------------------------------------
export const kernelsRequestSchema = z.object({
  ...target,
  /** A convolution layer; default the first one (the chapter's first-layer kernels). */
  layer: z.string().min(1).optional(),
});
export type KernelsRequest = z.infer<typeof kernelsRequestSchema>;

export const kernelImageSchema = z.object({
  filter: z.number().int(),
  min: z.number(),
  max: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  /** 1 (gray) or 3 (RGB: the first layer on colour images); otherwise the input channels, each a plane. */
  channels: z.number().int(),
  /** Row-major HWC, rounded. */
  data: z.array(z.number()),
});

export const kernelsResultSchema = z.object({
  layer: z.string(),
  className: z.string(),
  kernelSize: z.tuple([z.number().int(), z.number().int()]),
  inChannels: z.number().int(),
  filters: z.number().int(),
  min: z.number(),
  max: z.number(),
  kernels: z.array(kernelImageSchema),
  bias: z.array(z.number()).nullable(),
});
export type KernelsResult = z.infer<typeof kernelsResultSchema>;

// --- "what the network sees" ----------------------------------------------------------------
export const fcViewRequestSchema = z.object({
  ...target,
  /** Multiply the Dense kernels up to and including this layer; default the last Dense. */
  upTo: z.string().min(1).optional(),
  maxImages: z.number().int().min(1).max(1024).default(64),
});
export type FcViewRequest = z.infer<typeof fcViewRequestSchema>;

export const fcViewResultSchema = z.object({
  /** The Dense layers whose kernels were multiplied (W1 @ W2 @ …). */
  layers: z.array(z.string()),
  /** Each column reshaped to this (the Input's shape, or 28×28 for a 784 input). */
  imageShape: z.array(z.number().int()),
  columns: z.number().int(),
  images: z.array(
    z.object({
      index: z.number().int(),
      /** The class name when the product reaches the output layer. */
      label: z.string().nullable(),
      min: z.number(),
      max: z.number(),
      width: z.number().int(),
      height: z.number().int(),
      data: z.array(z.number()),
    }),
  ),
});
export type FcViewResult = z.infer<typeof fcViewResultSchema>;

// --- dataset preview (Train panel) ----------------------------------------------------------
export const datasetPreviewResultSchema = z.object({
  title: z.string(),
  classes: z.array(z.object({ name: z.string(), count: z.number().int(), samples: z.array(z.string()) })),
  total: z.number().int(),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  imageSizes: z.array(z.object({ size: z.string(), count: z.number().int() })),
  grayscale: z.boolean(),
});
export type DatasetPreviewResult = z.infer<typeof datasetPreviewResultSchema>;

// --- trained-model export --------------------------------------------------------------------
export const exportModelRequestSchema = z.object({
  graph: graphSchema.optional(),
  /** 'keras': a .keras file; 'tfjs': a folder for model.json + weights.bin; 'keras-json': a path stem for STEM.json + STEM.weights.h5. */
  format: z.enum(['keras', 'tfjs', 'keras-json']),
  target: z.string().min(1),
});
export type ExportModelRequest = z.infer<typeof exportModelRequestSchema>;
export const exportModelResultSchema = z.object({ files: z.array(z.string()), bytes: z.number() });
export type ExportModelResult = z.infer<typeof exportModelResultSchema>;

export const datasetPreviewRequestSchema = z.object({ dataset: datasetRefSchema, perClass: z.number().int().min(0).max(64).default(6) });
export type DatasetPreviewRequest = z.infer<typeof datasetPreviewRequestSchema>;

/** In the shape shared/api/parts.ts plugs into the contract. */
export const inspectSchemas = {
  evaluate: { request: evaluateRequestSchema, response: evaluateResultSchema },
  activations: { request: activationsRequestSchema, response: activationsResultSchema },
  predict: { request: predictRequestSchema, response: predictResultSchema },
  kernels: { request: kernelsRequestSchema, response: kernelsResultSchema },
  fcView: { request: fcViewRequestSchema, response: fcViewResultSchema },
} as const;
