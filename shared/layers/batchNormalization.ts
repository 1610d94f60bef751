import { makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import { betaGammaInitializers, betaGammaPenalties, centerSpec, epsilonSpec, normalizationRules, scaleSpec } from './normalizationCommon';
import { initializerSpec } from './paramSpecs';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const axis = {
  name: 'axis',
  type: 'int',
  default: -1,
  advanced: true,
  help: 'The axis that is normalised per feature: -1, the channels, for images.',
} as const satisfies ParamSpec;
const momentum = {
  name: 'momentum',
  type: 'float',
  min: 0,
  max: 1,
  default: 0.99,
  key: true,
  help: 'How slowly the running mean and variance (used when predicting) follow each batch; closer to 1 is smoother.',
} as const satisfies ParamSpec;

const params = [
  momentum,
  epsilonSpec,
  centerSpec,
  { ...scaleSpec, help: 'Learn a factor (gamma) multiplied after normalising; can be off when a linear layer or ReLU follows.' },
  axis,
  ...betaGammaInitializers,
  initializerSpec('moving_mean_initializer', 'Zeros', 'Starting value of the running mean.'),
  initializerSpec('moving_variance_initializer', 'Ones', 'Starting value of the running variance.'),
  ...betaGammaPenalties,
] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as batchNormalizationConfig };

const codec = makeCodec(
  params,
  [
    'axis',
    'momentum',
    'epsilon',
    'center',
    'scale',
    'beta_initializer',
    'gamma_initializer',
    'moving_mean_initializer',
    'moving_variance_initializer',
    'beta_regularizer',
    'gamma_regularizer',
    'beta_constraint',
    'gamma_constraint',
    { key: 'synchronized', value: false },
    // Batch renormalisation adds three more weights; not offered.
    { key: 'renorm', value: false },
    { key: 'renorm_clipping', value: null },
    { key: 'renorm_momentum', value: 0.99 },
  ],
  { legacy: { fused: [null, true, false], virtual_batch_size: [null], adjustment: [null] } },
);

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
  // The running mean and variance are weights too, updated by batches rather than by the optimiser.
  ...normalizationRules((p) => [config(p).axis], config, ['moving_mean', 'moving_variance']),
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
