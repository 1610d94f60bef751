import { makeCodec } from './configCodec';
import { sameShape } from './activationCommon';
import { activationSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef } from './types';
import { weightlessLayer } from './weightless';

const params = [activationSpec('relu')] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as activationConfig };
const codec = makeCodec(params, ['activation']);

export const activation: LayerDef = {
  className: 'Activation',
  family: 'activation',
  summary: 'Applies an activation function (relu, softmax, …) to every value.',
  explanation:
    'An Activation block applies one function to every value it receives: relu keeps positives and zeroes negatives, sigmoid squashes to 0–1, softmax turns a vector into probabilities that sum to 1. ' +
    'Use it when you want the activation as its own step, for example after a BatchNormalization that follows a linear Conv2D. ' +
    'It has no weights; the choice of function changes what range the outputs have.',
  ...weightlessLayer(params, codec),
  outputShape: sameShape,
  describe: (p) => config(p).activation,
};
