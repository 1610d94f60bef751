import { numberParam, stringParam } from './common';
import { makeCodec } from './configCodec';
import { convChecks, convGeometry, convOutputShape, dataFormat, describeConv, dilationSpec, filtersSpec, imageInput, kernelSizeSpec, paddingSpec, stridesSpec } from './convCommon';
import { activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import type { Params, Shape } from '../graph/types';
import type { LayerDef, ParamSpec, ShapeOutcome } from './types';

const activation = activationSpec();

const params: readonly ParamSpec[] = [
  filtersSpec, kernelSizeSpec, activation, stridesSpec, paddingSpec, dilationSpec, useBiasSpec, ...kernelBiasSpecs(),
];

const codec = makeCodec(params, [
  'filters', 'kernel_size', 'strides', 'padding', dataFormat, 'dilation_rate',
  { key: 'groups', value: 1 }, // grouped convolution is not offered (TensorFlow.js lacks it)
  'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'bias_constraint',
]);

function outputShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const input = imageInput(inputs);
  if ('outcome' in input) return input.outcome;
  return convOutputShape(input.shape, convGeometry(p), numberParam(p, filtersSpec));
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
    const g = convGeometry(p);
    const filters = numberParam(p, filtersSpec);
    const kernel = { name: 'kernel', shape: [g.kernel[0], g.kernel[1], input.channels, filters], trainable: true };
    return p['use_bias'] === false ? [kernel] : [kernel, { name: 'bias', shape: [filters], trainable: true }];
  },
  check: (_inputs, p) => convChecks(params, p),
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe: (p) => describeConv(String(numberParam(p, filtersSpec)), convGeometry(p), stringParam(p, activation)),
};
