import { numberParam, stringParam } from './common';
import { makeCodec } from './configCodec';
import { convChecks, convGeometry, convOutputShape, dataFormat, depthMultiplierSpec, describeConv, dilationSpec, imageInput, kernelSizeSpec, paddingSpec, stridesSpec } from './convCommon';
import { activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import type { Params, Shape } from '../graph/types';
import type { LayerDef, ParamSpec, ShapeOutcome } from './types';

const activation = activationSpec();
const depthMultiplier: ParamSpec = { ...depthMultiplierSpec, key: true };

const params: readonly ParamSpec[] = [
  kernelSizeSpec, depthMultiplier, activation, stridesSpec, paddingSpec, dilationSpec, useBiasSpec, ...kernelBiasSpecs('depthwise'),
];

const codec = makeCodec(params, [
  'depth_multiplier', 'kernel_size', 'strides', 'padding', dataFormat, 'dilation_rate', 'activation', 'use_bias',
  'depthwise_initializer', 'bias_initializer', 'depthwise_regularizer', 'bias_regularizer', 'activity_regularizer',
  'depthwise_constraint', 'bias_constraint',
]);

function outputShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const input = imageInput(inputs);
  if ('outcome' in input) return input.outcome;
  return convOutputShape(input.shape, convGeometry(p), input.channels * numberParam(p, depthMultiplier));
}

export const depthwiseConv2D: LayerDef = {
  className: 'DepthwiseConv2D',
  family: 'convolution',
  summary: 'Filters each channel on its own: a cheap spatial convolution.',
  explanation:
    'A depthwise convolution gives every input channel its own small filter instead of mixing all channels, so it costs far fewer weights than Conv2D. ' +
    'MobileNet pairs it with a 1×1 Conv2D that then mixes the channels. ' +
    'depth_multiplier sets how many filters each channel gets (the output has channels × depth_multiplier channels); kernel size, strides and padding work as in Conv2D.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape,
  weights(inputs, p) {
    const input = imageInput(inputs);
    // Keras creates no weights when the output shape is invalid.
    if ('outcome' in input || 'issue' in outputShape(inputs, p)) return [];
    const g = convGeometry(p);
    const m = numberParam(p, depthMultiplier);
    const kernel = { name: 'kernel', shape: [g.kernel[0], g.kernel[1], input.channels, m], trainable: true };
    return p['use_bias'] === false ? [kernel] : [kernel, { name: 'bias', shape: [input.channels * m], trainable: true }];
  },
  check: (_inputs, p) => convChecks(params, p),
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const m = numberParam(p, depthMultiplier);
    return describeConv('', convGeometry(p), stringParam(p, activation), m === 1 ? '' : ` ×${m}`);
  },
};
