import { success, type Outcome } from '../api/outcome';
import type { Params, Shape } from '../graph/types';
import { convOutputLength, fail, formatDims, issue, pairText, requireChannels, singleImageInput } from './common';
import { channelsLast, type Codec, type ConfigEntry } from './configCodec';
import { pairSpec, paddingSpec } from './paramSpecs';
import type { LayerDef, LayerIssue, ParamSpec, ShapeOutcome, WeightSpec } from './types';
import { paramIssues } from './validateParam';

/** Specs and shape rules shared by the convolution family (Conv2D, DepthwiseConv2D, SeparableConv2D, Conv2DTranspose). */

export const filtersSpec = {
  name: 'filters',
  type: 'int',
  min: 1,
  default: 32,
  key: true,
  help: 'How many filters (feature maps) the layer learns: the number of output channels.',
} as const satisfies ParamSpec;
export const kernelSizeSpec = pairSpec('kernel_size', [3, 3], 'Height and width of each filter window, e.g. 3×3.', { key: true });
export const stridesSpec = pairSpec('strides', [1, 1], 'How far the window moves each step; 2 halves the height and width.');
export const dilationSpec = pairSpec(
  'dilation_rate',
  [1, 1],
  'Spacing between the kernel taps (atrous convolution); widens the view without more weights. Cannot be combined with strides > 1.',
  { advanced: true },
);
export const depthMultiplierSpec = {
  name: 'depth_multiplier',
  type: 'int',
  min: 1,
  default: 1,
  help: 'How many filters each input channel gets in the depthwise step; output channels = input channels × this.',
} as const satisfies ParamSpec;
export { paddingSpec };

/**
 * The window keys every convolution's config writes, in Keras's order (data_format always
 * channels_last); Conv2DTranspose writes output_padding between padding and data_format.
 */
export function convWindowKeys(afterPadding: readonly ConfigEntry[] = []): ConfigEntry[] {
  return ['kernel_size', 'strides', 'padding', ...afterPadding, channelsLast, 'dilation_rate'];
}

type Pair = readonly [number, number];

export interface ConvGeometry {
  readonly kernel: Pair;
  readonly strides: Pair;
  readonly dilation: Pair;
  readonly padding: 'valid' | 'same';
}

/** The window settings every convolution's typed config has. */
export interface ConvWindowConfig {
  readonly kernel_size: Pair;
  readonly strides: Pair;
  readonly dilation_rate: Pair;
  readonly padding: 'valid' | 'same';
}

export function convGeometry(c: ConvWindowConfig): ConvGeometry {
  return { kernel: c.kernel_size, strides: c.strides, dilation: c.dilation_rate, padding: c.padding };
}

/** A convolution's single 4-D input and its (known) channel count. */
export interface ImageInput {
  readonly shape: Shape;
  readonly channels: number;
}

/** Validates the single 4-D input with known channels; returns it or the issue that stops it. */
export function imageInput(inputs: readonly Shape[]): Outcome<ImageInput, LayerIssue> {
  const input = singleImageInput(inputs);
  if (!input.ok) return input;
  const channels = requireChannels(input.value);
  if (!channels.ok) return channels;
  return success({ shape: input.value, channels: channels.value });
}

/** Output (None, h, w, outChannels) of a (non-transposed) convolution, or the spatial-size issue. */
export function convOutputShape(shape: Shape, g: ConvGeometry, outChannels: number): ShapeOutcome {
  const h = convOutputLength(shape[1] ?? null, g.kernel[0], g.strides[0], g.padding, g.dilation[0]);
  const w = convOutputLength(shape[2] ?? null, g.kernel[1], g.strides[1], g.padding, g.dilation[1]);
  if ((h !== null && h <= 0) || (w !== null && w <= 0)) {
    const eff: [number, number] = [g.dilation[0] * (g.kernel[0] - 1) + 1, g.dilation[1] * (g.kernel[1] - 1) + 1];
    const dilated = g.dilation[0] > 1 || g.dilation[1] > 1 ? ` (${pairText(eff)} with dilation)` : '';
    return fail(
      'spatial-size',
      `has a ${pairText(g.kernel)} kernel${dilated} but its input is only ${formatDims([shape[1] ?? null, shape[2] ?? null])}, so its output would be ${formatDims([h, w])}; use padding 'same', a smaller kernel or stride, or a larger input`,
      'kernel_size',
    );
  }
  return success([shape[0] ?? null, h, w, outChannels]);
}

/** Keras's constructor refusals for convolutions, plus each param's own validation. */
export function convChecks(specs: readonly ParamSpec[], params: Params, g: ConvGeometry): LayerIssue[] {
  const issues = paramIssues(specs, params);
  if (Math.max(...g.strides) > 1 && Math.max(...g.dilation) > 1) {
    issues.push(
      issue(
        'strides-with-dilation',
        `has strides ${pairText(g.strides)} together with dilation_rate ${pairText(g.dilation)}, which Keras and TensorFlow do not support; set strides to 1×1 or dilation_rate to 1×1`,
        'dilation_rate',
      ),
    );
  }
  return issues;
}

/** A convolution's typed config as the shared rules below read it. */
type ConvConfig = ConvWindowConfig & { readonly use_bias: boolean };

/**
 * The shape rule of a (non-transposed) convolution: the single image input, then the window
 * arithmetic, with `outChannels` output channels for `inChannels` input channels.
 */
function convShapeRule<C extends ConvConfig>(config: (p: Params) => C, outChannels: (c: C, inChannels: number) => number): LayerDef['outputShape'] {
  return (inputs, p) => {
    const input = imageInput(inputs);
    if (!input.ok) return input;
    const c = config(p);
    return convOutputShape(input.value.shape, convGeometry(c), outChannels(c, input.value.channels));
  };
}

/** The weights of a convolution: its kernels, then a bias of `biasSize` when use_bias is on. */
export function convWeightsRule<C extends ConvConfig>(
  config: (p: Params) => C,
  outputShape: LayerDef['outputShape'],
  kernels: (c: C, inChannels: number) => { readonly kernels: WeightSpec[]; readonly biasSize: number },
): LayerDef['weights'] {
  return (inputs, p) => {
    const input = imageInput(inputs);
    // Keras creates no weights when the output shape is invalid.
    if (!input.ok || !outputShape(inputs, p).ok) return [];
    const c = config(p);
    const k = kernels(c, input.value.channels);
    return c.use_bias ? [...k.kernels, { name: 'bias', shape: [k.biasSize], trainable: true }] : k.kernels;
  };
}

/**
 * What Conv2D, DepthwiseConv2D and SeparableConv2D have in common: one image input, the window
 * shape rule with `outChannels` output channels, their kernels (then the bias) as weights, Keras's
 * refusals as the check, and Keras's config layout through the codec. A layer spreads this and
 * adds its block face.
 */
export function convolutionLayer<C extends ConvConfig>(
  params: readonly ParamSpec[],
  config: (p: Params) => C,
  codec: Codec,
  rules: {
    readonly outChannels: (c: C, inChannels: number) => number;
    readonly kernels: (c: C, inChannels: number) => { readonly kernels: WeightSpec[]; readonly biasSize: number };
  },
): Pick<LayerDef, 'params' | 'inputs' | 'outputShape' | 'weights' | 'check' | 'toConfig' | 'fromConfig'> {
  const outputShape = convShapeRule(config, rules.outChannels);
  return {
    params,
    inputs: { min: 1, max: 1 },
    outputShape,
    weights: convWeightsRule(config, outputShape, rules.kernels),
    check: (_inputs, p) => convChecks(params, p, convGeometry(config(p))),
    toConfig: codec.toConfig,
    fromConfig: codec.fromConfig,
  };
}

/** The block face of a convolution with filters: "32 × 3×3, stride 2, relu". */
export function describeFilters<C extends ConvWindowConfig & { readonly filters: number; readonly activation: string }>(
  config: (p: Params) => C,
): LayerDef['describe'] {
  return (p) => {
    const c = config(p);
    return describeConv(String(c.filters), convGeometry(c), c.activation);
  };
}

/** "32 × 3×3, stride 2, relu" — filters (if any), window, non-unit stride, non-linear activation. */
export function describeConv(head: string, g: ConvGeometry, activation: string, windowSuffix = ''): string {
  const window = pairText(g.kernel) + windowSuffix;
  const parts = [head === '' ? window : `${head} × ${window}`];
  if (g.strides[0] !== 1 || g.strides[1] !== 1) parts.push(`stride ${g.strides[0] === g.strides[1] ? g.strides[0] : pairText(g.strides)}`);
  if (activation !== 'linear' && activation !== '') parts.push(activation);
  return parts.join(', ');
}
