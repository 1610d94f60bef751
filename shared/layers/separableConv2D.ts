import { makeCodec } from './configCodec';
import {
  convolutionLayer,
  convWindowKeys,
  depthMultiplierSpec,
  describeFilters,
  dilationSpec,
  filtersSpec,
  kernelSizeSpec,
  paddingSpec,
  stridesSpec,
} from './convCommon';
import { activationSpec, constraintSpec, initializerSpec, regularizerSpec, useBiasSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef } from './types';

const params = [
  filtersSpec,
  kernelSizeSpec,
  activationSpec(),
  stridesSpec,
  paddingSpec,
  depthMultiplierSpec,
  dilationSpec,
  useBiasSpec,
  initializerSpec('depthwise_initializer', 'GlorotUniform', 'How the depthwise (per-channel) filters start before training.'),
  initializerSpec('pointwise_initializer', 'GlorotUniform', 'How the 1×1 pointwise filters start before training.'),
  initializerSpec('bias_initializer', 'Zeros', 'How the biases start before training.'),
  regularizerSpec('depthwise_regularizer', 'Penalty on large depthwise weights added to the loss.'),
  regularizerSpec('pointwise_regularizer', 'Penalty on large pointwise weights added to the loss.'),
  regularizerSpec('bias_regularizer', 'Penalty on large biases added to the loss.'),
  regularizerSpec('activity_regularizer', "Penalty on the layer's outputs added to the loss."),
  constraintSpec('depthwise_constraint', 'Limit applied to the depthwise weights after each update.'),
  constraintSpec('pointwise_constraint', 'Limit applied to the pointwise weights after each update.'),
  constraintSpec('bias_constraint', 'Limit applied to the biases after each update.'),
] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as separableConv2DConfig };

const codec = makeCodec(params, [
  'depth_multiplier',
  'filters',
  ...convWindowKeys(),
  'activation',
  'use_bias',
  'depthwise_initializer',
  'pointwise_initializer',
  'bias_initializer',
  'depthwise_regularizer',
  'pointwise_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'depthwise_constraint',
  'pointwise_constraint',
  'bias_constraint',
]);

export const separableConv2D: LayerDef = {
  className: 'SeparableConv2D',
  family: 'convolution',
  summary: 'A depthwise convolution followed by a 1×1 convolution: Conv2D with far fewer weights.',
  explanation:
    'A separable convolution splits a Conv2D in two: first each channel is filtered on its own (depthwise), then a 1×1 convolution mixes the channels into the requested number of filters (pointwise). ' +
    'It detects similar patterns with many fewer weights, which is why Xception and mobile networks use it. ' +
    'filters sets the output channels, kernel_size the window of the depthwise step, depth_multiplier how many depthwise filters each channel gets.',
  ...convolutionLayer(params, config, codec, {
    outChannels: (c) => c.filters,
    kernels: ({ kernel_size: k, depth_multiplier: m, filters }, channels) => ({
      kernels: [
        { name: 'depthwise_kernel', shape: [k[0], k[1], channels, m], trainable: true },
        { name: 'pointwise_kernel', shape: [1, 1, channels * m, filters], trainable: true },
      ],
      biasSize: filters,
    }),
  }),
  describe: describeFilters(config),
};
