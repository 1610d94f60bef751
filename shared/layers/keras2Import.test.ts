import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { Params } from '../graph/types';
import { getLayerDef } from './registry';
import { defaultParams } from './validateParam';

const glorot = { class_name: 'GlorotUniform', config: { seed: null, input_axes: null, output_axes: null } };

interface ImportCase {
  readonly label: string;
  readonly className: string;
  readonly config: JsonObject;
  /** The params that differ from the defaults after import. */
  readonly expected: Params;
  readonly unsupported?: readonly string[];
}

/** Configs as tf.keras 2.x, Keras 2.13+ and TensorFlow.js 4 write them. */
const cases: readonly ImportCase[] = [
  {
    label: 'tf.keras 2 Conv2D with batch_input_shape and module-less initializers',
    className: 'Conv2D',
    config: {
      name: 'conv2d',
      trainable: true,
      dtype: 'float32',
      batch_input_shape: [null, 28, 28, 1],
      filters: 32,
      kernel_size: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      groups: 1,
      activation: 'relu',
      use_bias: true,
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    },
    expected: { activation: 'relu' },
  },
  {
    label: 'TF.js Conv2D (VarianceScaling-style Glorot config, int kernel_size, no groups)',
    className: 'Conv2D',
    config: {
      filters: 64,
      kernel_initializer: { class_name: 'GlorotUniform', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } },
      kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } },
      kernel_constraint: null,
      kernel_size: 5,
      strides: 2,
      padding: 'SAME',
      data_format: 'channels_last',
      dilation_rate: 1,
      activation: 'relu',
      use_bias: true,
      bias_initializer: { class_name: 'Zeros', config: {} },
      bias_regularizer: null,
      activity_regularizer: null,
      bias_constraint: null,
      name: 'conv2d_Conv2D1',
      trainable: true,
      dtype: 'float32',
    },
    expected: {
      filters: 64,
      kernel_size: [5, 5],
      strides: [2, 2],
      padding: 'same',
      activation: 'relu',
      kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } },
    },
  },
  {
    label: 'Keras 2.13 Dense with module-qualified initializer and string initializer',
    className: 'Dense',
    config: {
      name: 'dense',
      trainable: true,
      dtype: 'float32',
      units: 10,
      activation: 'softmax',
      use_bias: true,
      kernel_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: 3 }, registered_name: null },
      bias_initializer: 'zeros',
      kernel_regularizer: { class_name: 'L2', config: { l2: 0.009999999776482582 } },
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } },
      bias_constraint: null,
    },
    expected: {
      units: 10,
      activation: 'softmax',
      kernel_initializer: { class_name: 'HeNormal', config: { seed: 3, input_axes: null, output_axes: null } },
      kernel_regularizer: { class_name: 'L2', config: { l2: 0.009999999776482582 } },
      kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } },
    },
  },
  {
    label: 'Keras 3 L1 regularizer (float32 value) reads back as the decimal the user typed',
    className: 'Dense',
    config: { units: 4, kernel_regularizer: { module: 'keras.regularizers', class_name: 'L1', config: { l1: 0.009999999776482582 }, registered_name: null } },
    expected: { units: 4, kernel_regularizer: { class_name: 'L1', config: { l1: 0.01 } } },
  },
  {
    label: 'tf.keras 2 InputLayer',
    className: 'InputLayer',
    config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' },
    expected: {},
  },
  {
    label: 'TF.js InputLayer with a fixed batch size',
    className: 'InputLayer',
    config: { batch_input_shape: [32, 784], dtype: 'float32', sparse: false, name: 'input1' },
    expected: { shape: [784], batch_size: 32 },
  },
  {
    label: 'tf.keras 2 LeakyReLU alpha',
    className: 'LeakyReLU',
    config: { name: 'leaky_re_lu', trainable: true, dtype: 'float32', alpha: 0.1 },
    expected: { negative_slope: 0.1 },
  },
  {
    label: 'tf.keras 2 MaxPooling2D strides equal to pool_size',
    className: 'MaxPooling2D',
    config: { pool_size: [3, 3], padding: 'valid', strides: [3, 3], data_format: 'channels_last' },
    expected: { pool_size: [3, 3] },
  },
  {
    label: 'MaxPooling2D strides null and int pool_size',
    className: 'MaxPooling2D',
    config: { pool_size: 2, padding: 'valid', strides: null, data_format: null },
    expected: {},
  },
  {
    label: 'AveragePooling2D overlapping strides',
    className: 'AveragePooling2D',
    config: { pool_size: [3, 3], padding: 'same', strides: [1, 1] },
    expected: { pool_size: [3, 3], padding: 'same', strides: [1, 1] },
  },
  {
    label: 'tf.keras 2 BatchNormalization with axis list',
    className: 'BatchNormalization',
    config: {
      axis: [3],
      momentum: 0.9,
      epsilon: 0.001,
      center: true,
      scale: true,
      beta_initializer: { class_name: 'Zeros', config: {} },
      gamma_initializer: { class_name: 'Ones', config: {} },
      moving_mean_initializer: { class_name: 'Zeros', config: {} },
      moving_variance_initializer: { class_name: 'Ones', config: {} },
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
    },
    expected: { axis: 3, momentum: 0.9 },
  },
  {
    label: 'tf.keras 2 Dropout',
    className: 'Dropout',
    config: { name: 'dropout', trainable: true, dtype: 'float32', rate: 0.25, noise_shape: null, seed: null },
    expected: { rate: 0.25 },
  },
  {
    label: 'tf.keras 2 SpatialDropout2D',
    className: 'SpatialDropout2D',
    config: { rate: 0.2, noise_shape: null, seed: null, trainable: true },
    expected: { rate: 0.2 },
  },
  {
    label: 'tf.keras 2 ZeroPadding2D as a pair of ints',
    className: 'ZeroPadding2D',
    config: { padding: [2, 3], data_format: 'channels_last' },
    expected: {
      padding: [
        [2, 2],
        [3, 3],
      ],
    },
  },
  {
    label: 'Cropping2D as one int',
    className: 'Cropping2D',
    config: { cropping: 1 },
    expected: {
      cropping: [
        [1, 1],
        [1, 1],
      ],
    },
  },
  {
    label: 'tf.keras 2 LayerNormalization axis list',
    className: 'LayerNormalization',
    config: { axis: [3], epsilon: 0.001, center: true, scale: true },
    expected: { axis: 3 },
  },
  { label: 'activation swish -> silu', className: 'Activation', config: { activation: 'swish' }, expected: { activation: 'silu' } },
  {
    label: 'DepthwiseConv2D int kernel_size',
    className: 'DepthwiseConv2D',
    config: { kernel_size: 3, depth_multiplier: 1, depthwise_initializer: 'glorot_uniform', strides: 1 },
    expected: {},
  },
  {
    label: 'Conv2D channels_first cannot be represented',
    className: 'Conv2D',
    config: { filters: 8, kernel_size: 3, data_format: 'channels_first' },
    expected: { filters: 8 },
    unsupported: ['data_format'],
  },
  { label: 'Conv2D groups', className: 'Conv2D', config: { filters: 8, kernel_size: 3, groups: 2 }, expected: { filters: 8 }, unsupported: ['groups'] },
  {
    label: 'Dense LoRA and an unknown activation',
    className: 'Dense',
    config: { units: 8, lora_rank: 4, activation: 'log_softmax' },
    expected: { units: 8 },
    unsupported: ['lora_rank', 'activation'],
  },
  { label: 'BatchNormalization renorm', className: 'BatchNormalization', config: { renorm: true }, expected: {}, unsupported: ['renorm'] },
  {
    label: 'unknown initializer',
    className: 'Dense',
    config: { units: 2, kernel_initializer: { class_name: 'Identity', config: {} } },
    expected: { units: 2 },
    unsupported: ['kernel_initializer'],
  },
  { label: 'UpSampling2D bicubic', className: 'UpSampling2D', config: { size: 2, interpolation: 'bicubic' }, expected: {}, unsupported: ['interpolation'] },
  { label: 'InputLayer sparse', className: 'InputLayer', config: { batch_shape: [null, 4], sparse: true }, expected: { shape: [4] }, unsupported: ['sparse'] },
];

describe('fromConfig reads Keras 2, tf.keras and TensorFlow.js configs', () => {
  it.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const def = getLayerDef(c.className);
    expect(def).toBeDefined();
    if (def === undefined) return;
    const result = def.fromConfig(c.config);
    expect(result.unsupported).toEqual(c.unsupported ?? []);
    expect(result.params).toEqual({ ...defaultParams(def), ...c.expected });
  });

  it('keeps the glorot default when an import says glorot_uniform by name', () => {
    const def = getLayerDef('Dense');
    expect(def?.fromConfig({ units: 3, kernel_initializer: 'glorot_uniform' }).params['kernel_initializer']).toEqual(glorot);
  });
});
