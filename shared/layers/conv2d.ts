import { makeCodec } from './configCodec';
import { convolutionLayer, convWindowKeys, describeFilters, dilationSpec, filtersSpec, kernelSizeSpec, paddingSpec, stridesSpec } from './convCommon';
import { activationKernelBiasKeys, activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef } from './types';

const params = [filtersSpec, kernelSizeSpec, activationSpec(), stridesSpec, paddingSpec, dilationSpec, useBiasSpec, ...kernelBiasSpecs('kernel')] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as conv2dConfig };

const codec = makeCodec(params, [
  'filters',
  ...convWindowKeys(),
  { key: 'groups', value: 1 }, // grouped convolution is not offered (TensorFlow.js lacks it)
  ...activationKernelBiasKeys('kernel'),
]);

export const conv2d: LayerDef = {
  className: 'Conv2D',
  family: 'convolution',
  summary: 'Slides learned filters over an image to detect local patterns.',
  explanation:
    'A 2-D convolution slides small learned filters (for example 3×3) over the image and writes, for each position, how strongly each filter matches there: one output channel per filter. ' +
    'Stack several to go from edges to textures to object parts. ' +
    "More filters detect more kinds of patterns; a larger kernel sees more at once; strides of 2 halve the height and width; padding 'same' keeps the size.",
  ...convolutionLayer(params, config, codec, {
    outChannels: (c) => c.filters,
    kernels: ({ kernel_size: k, filters }, channels) => ({
      kernels: [{ name: 'kernel', shape: [k[0], k[1], channels, filters], trainable: true }],
      biasSize: filters,
    }),
  }),
  describe: describeFilters(config),
};
