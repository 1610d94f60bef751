import { makeCodec } from './configCodec';
import { convChecks, convGeometry, convOutputShape, dataFormat, describeConv, dilationSpec, filtersSpec, imageInput, kernelSizeSpec, paddingSpec, stridesSpec } from './convCommon';
import { activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import type { Params, Shape } from '../graph/types';
import { layerConfig } from './layerConfig';
import type { LayerDef, ShapeOutcome } from './types';

const params = [
  filtersSpec, kernelSizeSpec, activationSpec(), stridesSpec, paddingSpec, dilationSpec, useBiasSpec, ...kernelBiasSpecs('kernel'),
] as const;
const config = layerConfig(params);

const codec = makeCodec(params, [
  'filters', 'kernel_size', 'strides', 'padding', dataFormat, 'dilation_rate',
  { key: 'groups', value: 1 }, // grouped convolution is not offered (TensorFlow.js lacks it)
  'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'bias_constraint',
]);

function outputShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const input = imageInput(inputs);
  if ('outcome' in input) return input.outcome;
  const c = config(p);
  return convOutputShape(input.shape, convGeometry(c), c.filters);
}

export const conv2d: LayerDef = {
  className: 'Conv2D',
  family: 'convolution',
  summary: 'Slides learned filters over an image to detect local patterns.',
  explanation:
    'A 2-D convolution slides small learned filters (for example 3×3) over the image and writes, for each position, how strongly each filter matches there: one output channel per filter. ' +
    'Stack several to go from edges to textures to object parts. ' +
    'More filters detect more kinds of patterns; a larger kernel sees more at once; strides of 2 halve the height and width; padding \'same\' keeps the size.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape,
  weights(inputs, p) {
    const input = imageInput(inputs);
    // Keras creates no weights when the output shape is invalid.
    if ('outcome' in input || 'issue' in outputShape(inputs, p)) return [];
    const { kernel_size: k, filters, use_bias } = config(p);
    const kernel = { name: 'kernel', shape: [k[0], k[1], input.channels, filters], trainable: true };
    return use_bias ? [kernel, { name: 'bias', shape: [filters], trainable: true }] : [kernel];
  },
  check: (_inputs, p) => convChecks(params, p, convGeometry(config(p))),
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const c = config(p);
    return describeConv(String(c.filters), convGeometry(c), c.activation);
  },
};
