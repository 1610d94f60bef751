import { makeCodec } from './configCodec';
import {
  convGeometry,
  convolutionLayer,
  convWindowKeys,
  depthMultiplierSpec,
  describeConv,
  dilationSpec,
  kernelSizeSpec,
  paddingSpec,
  stridesSpec,
} from './convCommon';
import { activationKernelBiasKeys, activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef } from './types';

const params = [
  kernelSizeSpec,
  { ...depthMultiplierSpec, key: true },
  activationSpec(),
  stridesSpec,
  paddingSpec,
  dilationSpec,
  useBiasSpec,
  ...kernelBiasSpecs('depthwise'),
] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as depthwiseConv2DConfig };

const codec = makeCodec(params, ['depth_multiplier', ...convWindowKeys(), ...activationKernelBiasKeys('depthwise')]);

export const depthwiseConv2D: LayerDef = {
  className: 'DepthwiseConv2D',
  family: 'convolution',
  summary: 'Filters each channel on its own: a cheap spatial convolution.',
  explanation:
    'A depthwise convolution gives every input channel its own small filter instead of mixing all channels, so it costs far fewer weights than Conv2D. ' +
    'MobileNet pairs it with a 1×1 Conv2D that then mixes the channels. ' +
    'depth_multiplier sets how many filters each channel gets (the output has channels × depth_multiplier channels); kernel size, strides and padding work as in Conv2D.',
  ...convolutionLayer(params, config, codec, {
    outChannels: (c, channels) => channels * c.depth_multiplier,
    kernels: ({ kernel_size: k, depth_multiplier: m }, channels) => ({
      kernels: [{ name: 'kernel', shape: [k[0], k[1], channels, m], trainable: true }],
      biasSize: channels * m,
    }),
  }),
  describe(p) {
    const c = config(p);
    const m = c.depth_multiplier;
    return describeConv('', convGeometry(c), c.activation, m === 1 ? '' : ` ×${m}`);
  },
};
