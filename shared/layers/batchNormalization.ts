import type { Params } from '../graph/types';
import { missingInput, singleInput } from './common';
import { makeCodec } from './configCodec';
import { axisSizes } from './normalizationCommon';
import { constraintSpec, initializerSpec, regularizerSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec, WeightSpec } from './types';
import { paramIssues } from './validateParam';

const axis = { name: 'axis', type: 'int', default: -1, advanced: true, help: 'The axis that is normalised per feature: -1, the channels, for images.' } as const satisfies ParamSpec;
const momentum = { name: 'momentum', type: 'float', min: 0, max: 1, default: 0.99, key: true, help: 'How slowly the running mean and variance (used when predicting) follow each batch; closer to 1 is smoother.' } as const satisfies ParamSpec;
const epsilon = { name: 'epsilon', type: 'float', min: 0, exclusiveMin: true, default: 0.001, help: 'Small number added to the variance so that nothing is divided by zero.' } as const satisfies ParamSpec;
const center = { name: 'center', type: 'bool', default: true, help: 'Learn an offset (beta) added after normalising.' } as const satisfies ParamSpec;
const scale = { name: 'scale', type: 'bool', default: true, help: 'Learn a factor (gamma) multiplied after normalising; can be off when a linear layer or ReLU follows.' } as const satisfies ParamSpec;

const params = [
  momentum, epsilon, center, scale, axis,
  initializerSpec('beta_initializer', 'Zeros', 'Starting value of the learned offset.'),
  initializerSpec('gamma_initializer', 'Ones', 'Starting value of the learned factor.'),
  initializerSpec('moving_mean_initializer', 'Zeros', 'Starting value of the running mean.'),
  initializerSpec('moving_variance_initializer', 'Ones', 'Starting value of the running variance.'),
  regularizerSpec('beta_regularizer', 'Penalty on the offsets added to the loss.'),
  regularizerSpec('gamma_regularizer', 'Penalty on the factors added to the loss.'),
  constraintSpec('beta_constraint', 'Limit applied to the offsets after each update.'),
  constraintSpec('gamma_constraint', 'Limit applied to the factors after each update.'),
] as const;
const config = layerConfig(params);

const codec = makeCodec(params, [
  'axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'moving_mean_initializer',
  'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint',
  { key: 'synchronized', value: false },
  // Batch renormalisation adds three more weights; not offered.
  { key: 'renorm', value: false }, { key: 'renorm_clipping', value: null }, { key: 'renorm_momentum', value: 0.99 },
], { legacy: { fused: [null, true, false], virtual_batch_size: [null], adjustment: [null] } });

function weights(size: number, p: Params): WeightSpec[] {
  const out: WeightSpec[] = [];
  const c = config(p);
  if (c.scale) out.push({ name: 'gamma', shape: [size], trainable: true });
  if (c.center) out.push({ name: 'beta', shape: [size], trainable: true });
  out.push({ name: 'moving_mean', shape: [size], trainable: false }, { name: 'moving_variance', shape: [size], trainable: false });
  return out;
}

export const batchNormalization: LayerDef = {
  className: 'BatchNormalization',
  family: 'normalization',
  summary: 'Re-centres and re-scales each channel batch by batch; trains faster and steadier.',
  explanation:
    'Batch normalization rescales each channel to mean 0 and variance 1 using the statistics of the current batch, then applies a learned factor (gamma) and offset (beta). ' +
    'It lets deep networks train faster and with higher learning rates; it usually sits between a convolution and its activation. ' +
    'It keeps running averages of the mean and variance for prediction: those two are counted as non-trainable parameters, hence 4 × channels parameters in all.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null) return missingInput();
    const sizes = axisSizes(shape, [config(p).axis]);
    return Array.isArray(sizes) ? { shape } : sizes;
  },
  weights(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null) return [];
    const sizes = axisSizes(shape, [config(p).axis]);
    return Array.isArray(sizes) && sizes[0] !== undefined ? weights(sizes[0], p) : [];
  },
  check: (_inputs, p) => paramIssues(params, p),
  toConfig: codec.toConfig,
  fromConfig(config) {
    // tf.keras 2 writes axis as a one-element list after building.
    const a = config['axis'];
    return codec.fromConfig(Array.isArray(a) && a.length === 1 && typeof a[0] === 'number' ? { ...config, axis: a[0] } : config);
  },
  describe(p) {
    const m = config(p).momentum;
    return m === 0.99 ? '' : `momentum ${m}`;
  },
};
