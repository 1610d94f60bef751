import { z } from 'zod';
import { datasetRefSchema } from '../project/schema';
import { graphSchema } from './graphSchema';
import { sampleRefSchema } from './inspect';

/**
 * "How was this value computed": the engine returns the ingredients of one output cell
 * — the layer's input values in the cell's window, the weights that meet them, the model's own
 * value — and shared/inspect/arithmetic.ts redoes the arithmetic from them, so the detail view can
 * show every product and prove the sum equals what the model computed. Saliency and Grad-CAM are
 * gradients only the engine can take. Numbers are plain, rounded to 7 significant digits.
 */

const target = { graph: graphSchema.optional(), dataset: datasetRefSchema.optional() };

export const cellRefSchema = z.object({
  /** Row and column of the output position; 0, 0 for a vector output. */
  y: z.number().int().min(0),
  x: z.number().int().min(0),
  /** The channel (feature map) or, for a vector output, the unit. */
  channel: z.number().int().min(0),
});
export type CellRef = z.infer<typeof cellRefSchema>;

export const cellRequestSchema = z.object({ ...target, layer: z.string().min(1), sample: sampleRefSchema, cell: cellRefSchema });
export type CellRequest = z.infer<typeof cellRequestSchema>;

const num = z.number();
const pair = z.tuple([z.number().int(), z.number().int()]);
const plane = z.object({ width: z.number().int(), height: z.number().int(), data: z.array(num) });
export type Plane = z.infer<typeof plane>;

const windowFields = {
  kernel: pair,
  strides: pair,
  dilation: pair,
  padding: z.string(),
  /** Input row and column of the window's top-left tap (negative inside the padding). */
  origin: pair,
  /** The layer's input (H, W, C). */
  inputShape: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
};

export const cellDetailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('conv'),
    variant: z.enum(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D']),
    ...windowFields,
    /** Input channels that meet the kernel, in order. */
    channels: z.array(z.number().int()),
    /** kernel[0] × kernel[1] × channels.length window values (a, b, channel order); 0 in the padding. */
    patch: z.array(num),
    /** The kernel taps, same order: Conv2D kernel[a, b, c, f]; depthwise kernel[a, b, c, m]. */
    weights: z.array(num),
    /** SeparableConv2D: the pointwise weights of the output channel, one per depthwise output (channel × multiplier). */
    pointwise: z.array(num).nullable(),
    depthMultiplier: z.number().int(),
    bias: num.nullable(),
  }),
  z.object({
    kind: z.literal('pool'),
    op: z.enum(['max', 'avg']),
    ...windowFields,
    channel: z.number().int(),
    /** kernel[0] × kernel[1] window values; null outside the input (padding is ignored, as TF does). */
    window: z.array(num.nullable()),
  }),
  z.object({
    kind: z.literal('dense'),
    /** The unit's inputs (the previous layer's values at this position) and its kernel column. */
    inputs: z.array(num),
    weights: z.array(num),
    bias: num.nullable(),
    /** Every unit's pre-activation at this position, for softmax's denominator. */
    logits: z.array(num).nullable(),
  }),
  z.object({ kind: z.literal('batchnorm'), x: num, mean: num, variance: num, gamma: num, beta: num, epsilon: num }),
  z.object({
    kind: z.literal('activation'),
    fn: z.string(),
    x: num,
    /** Softmax: the values along the axis at this position. */
    vector: z.array(num).nullable(),
    /** ReLU / LeakyReLU parameters where the layer has them. */
    negativeSlope: num.optional(),
    maxValue: num.nullable().optional(),
    threshold: num.optional(),
  }),
  z.object({
    kind: z.literal('merge'),
    op: z.string(),
    /** Each input's value at the cell (Concatenate: the one input and channel the cell comes from). */
    inputs: z.array(z.object({ layer: z.string(), channel: z.number().int(), value: num })),
  }),
  z.object({
    kind: z.literal('other'),
    /** The input value the cell copies, where there is one (Dropout, Flatten, Reshape, padding…). */
    inputs: z.array(z.object({ layer: z.string(), index: z.string(), value: num })),
    note: z.string(),
    /** Rescaling: value = input × scale + offset. */
    scale: num.optional(),
    offset: num.optional(),
  }),
]);
export type CellDetail = z.infer<typeof cellDetailSchema>;

export const cellResultSchema = z.object({
  layer: z.string(),
  className: z.string(),
  /** The layer's activation parameter ('linear' when it has none). */
  activation: z.string(),
  outputShape: z.array(z.number().nullable()),
  cell: cellRefSchema,
  /** The model's own value at the cell (the feature map's pixel). */
  value: num,
  /** The layers feeding this one, in input order. */
  inbound: z.array(z.string()),
  detail: cellDetailSchema,
  /** For the sliding-kernel animation (windowed layers): one input channel and the output channel, whole. */
  slide: z.object({ inputChannel: z.number().int(), input: plane, output: plane }).nullable(),
});
export type CellResult = z.infer<typeof cellResultSchema>;

// --- saliency and Grad-CAM -----------------------------------------------------------------------
export const saliencyRequestSchema = z.object({
  ...target,
  sample: sampleRefSchema,
  /** The class whose score is explained; default the predicted one. */
  classIndex: z.number().int().min(0).optional(),
  /** The convolution whose feature maps Grad-CAM weighs; default the last 4-D layer before the classifier. */
  layer: z.string().min(1).optional(),
});
export type SaliencyRequest = z.infer<typeof saliencyRequestSchema>;

export const saliencyResultSchema = z.object({
  classIndex: z.number().int(),
  predicted: z.number().int(),
  probabilities: z.array(num),
  classNames: z.array(z.string()),
  /** |∂ score / ∂ pixel|, the maximum over the input's channels, at the Input's size. */
  saliency: plane,
  /** ReLU(Σ_k α_k A_k), α_k the mean gradient of the score over map k; at the layer's size. Null without a 4-D layer. */
  gradCam: plane.nullable(),
  gradCamLayer: z.string().nullable(),
  /** Layers Grad-CAM can use (4-D outputs), input to output. */
  camLayers: z.array(z.string()),
});
export type SaliencyResult = z.infer<typeof saliencyResultSchema>;

export const computeSchemas = {
  cell: { request: cellRequestSchema, response: cellResultSchema },
  saliency: { request: saliencyRequestSchema, response: saliencyResultSchema },
} as const;
