import type { JsonObject } from '../json';
import type { Params } from '../graph/types';
import { makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import { betaGammaInitializers, betaGammaPenalties, centerSpec, epsilonSpec, normalizationRules, scaleSpec } from './normalizationCommon';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const axis = {
  name: 'axis',
  type: 'axis',
  default: -1,
  key: true,
  help: 'The axis (or list of axes) each example is normalised over: -1, the features.',
} as const satisfies ParamSpec;

const params = [axis, epsilonSpec, centerSpec, scaleSpec, ...betaGammaInitializers, ...betaGammaPenalties] as const;
const config = layerConfig(params);

const codec = makeCodec(params, [
  'axis',
  'epsilon',
  'center',
  'scale',
  { key: 'rms_scaling', value: false },
  'beta_initializer',
  'gamma_initializer',
  'beta_regularizer',
  'gamma_regularizer',
  'beta_constraint',
  'gamma_constraint',
]);

function axes(p: Params): number[] {
  const a = config(p).axis;
  return typeof a === 'number' ? [a] : [...a].sort((x, y) => x - y);
}

export const layerNormalization: LayerDef = {
  className: 'LayerNormalization',
  family: 'normalization',
  summary: 'Normalises each example on its own across its features.',
  explanation:
    'Layer normalization rescales the features of each example to mean 0 and variance 1, then applies a learned factor and offset, independently of the other examples in the batch. ' +
    'Unlike BatchNormalization it behaves the same in training and prediction and works with any batch size; transformers use it everywhere. ' +
    'axis chooses what is normalised together (the last axis by default).',
  params,
  inputs: { min: 1, max: 1 },
  ...normalizationRules(axes, config),
  check: (_inputs, p) => paramIssues(params, p),
  toConfig(p): JsonObject {
    // A built LayerNormalization (every layer of a saved model) writes its axis as a sorted list.
    return { ...codec.toConfig(p), axis: axes(p) };
  },
  fromConfig(config) {
    const result = codec.fromConfig(config);
    const a = result.params['axis'];
    if (Array.isArray(a) && a.length === 1 && typeof a[0] === 'number') return { ...result, params: { ...result.params, axis: a[0] } };
    return result;
  },
  describe(p) {
    const a = axes(p);
    return a.length === 1 && a[0] === -1 ? '' : `axis ${a.join(', ')}`;
  },
};
