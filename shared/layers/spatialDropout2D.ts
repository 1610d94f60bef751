import { singleImageInput } from './common';
import { channelsLast, makeCodec } from './configCodec';
import { dropoutChecks, rateSpec } from './dropout';
import { seedSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef } from './types';
import { weightlessLayer } from './weightless';

const rate = { ...rateSpec, help: 'Fraction of the channels (whole feature maps) set to zero at each training step.' } as const;
const params = [rate, seedSpec] as const;
const config = layerConfig(params);
// Keras 3 writes rate, seed, name, dtype, data_format and no trainable (its __init__ would refuse one);
// keras3LayerConfig places name and dtype. tf.keras also wrote noise_shape: null.
const codec = makeCodec(params, ['rate', 'seed', channelsLast], { legacy: { noise_shape: [null] } });

export const spatialDropout2D: LayerDef = {
  className: 'SpatialDropout2D',
  family: 'regularization',
  summary: 'Dropout that switches off whole feature maps instead of single values.',
  explanation:
    'SpatialDropout2D drops entire channels of an image at random while training, instead of single pixels. ' +
    'Neighbouring pixels in a feature map are so alike that ordinary Dropout barely regularises convolutions; dropping whole maps does. ' +
    'rate is the fraction of channels dropped; use it after convolution layers.',
  ...weightlessLayer(params, codec),
  outputShape: singleImageInput,
  check: (_inputs, p) => dropoutChecks(params, p),
  describe: (p) => String(config(p).rate),
};
