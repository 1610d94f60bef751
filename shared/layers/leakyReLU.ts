import { makeCodec } from './configCodec';
import { sameShape } from './activationCommon';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';

const negativeSlope = {
  name: 'negative_slope',
  type: 'float',
  min: 0,
  default: 0.3,
  key: true,
  help: 'How much of a negative value passes through (0.3 keeps 30%); Keras 2 called it alpha.',
} as const satisfies ParamSpec;
const params = [negativeSlope] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as leakyReLUConfig };
// Keras 2, tf.keras and TensorFlow.js write the slope as `alpha`.
const codec = makeCodec(params, ['negative_slope'], { aliases: { alpha: 'negative_slope' } });

export const leakyReLU: LayerDef = {
  className: 'LeakyReLU',
  family: 'activation',
  summary: 'Like ReLU, but lets a small part of negative values through.',
  explanation:
    'LeakyReLU keeps positive values and multiplies negative ones by a small slope instead of zeroing them, so neurons never go completely silent ("dying ReLU"). ' +
    'Use it in place of ReLU in GANs or when many units stop learning. ' +
    'negative_slope sets how much of the negative side is kept.',
  ...weightlessLayer(params, codec),
  outputShape: sameShape,
  describe: (p) => String(config(p).negative_slope),
};
