import type { JsonObject } from '../json';
import type { Params } from '../graph/types';
import { missingInput, singleInput } from './common';
import { makeCodec } from './configCodec';
import { axisSizes } from './normalizationCommon';
import { constraintSpec, initializerSpec, regularizerSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec, WeightSpec } from './types';
import { paramIssues } from './validateParam';

const axis = { name: 'axis', type: 'axis', default: -1, key: true, help: 'The axis (or list of axes) each example is normalised over: -1, the features.' } as const satisfies ParamSpec;
const epsilon = { name: 'epsilon', type: 'float', min: 0, exclusiveMin: true, default: 0.001, help: 'Small number added to the variance so that nothing is divided by zero.' } as const satisfies ParamSpec;
const center = { name: 'center', type: 'bool', default: true, help: 'Learn an offset (beta) added after normalising.' } as const satisfies ParamSpec;
const scale = { name: 'scale', type: 'bool', default: true, help: 'Learn a factor (gamma) multiplied after normalising.' } as const satisfies ParamSpec;

const params = [
  axis, epsilon, center, scale,
  initializerSpec('beta_initializer', 'Zeros', 'Starting value of the learned offset.'),
  initializerSpec('gamma_initializer', 'Ones', 'Starting value of the learned factor.'),
  regularizerSpec('beta_regularizer', 'Penalty on the offsets added to the loss.'),
  regularizerSpec('gamma_regularizer', 'Penalty on the factors added to the loss.'),
  constraintSpec('beta_constraint', 'Limit applied to the offsets after each update.'),
  constraintSpec('gamma_constraint', 'Limit applied to the factors after each update.'),
] as const;
const config = layerConfig(params);

const codec = makeCodec(params, [
  'axis', 'epsilon', 'center', 'scale', { key: 'rms_scaling', value: false }, 'beta_initializer', 'gamma_initializer',
  'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint',
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
  outputShape(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null) return missingInput();
    const sizes = axisSizes(shape, axes(p));
    return Array.isArray(sizes) ? { shape } : sizes;
  },
  weights(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null) return [];
    const sizes = axisSizes(shape, axes(p));
    if (!Array.isArray(sizes)) return [];
    const out: WeightSpec[] = [];
    const c = config(p);
    if (c.scale) out.push({ name: 'gamma', shape: sizes, trainable: true });
    if (c.center) out.push({ name: 'beta', shape: sizes, trainable: true });
    return out;
  },
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
