import { describe, expect, it } from 'vitest';
import type { Params } from '../graph/types';
import { layerDefs } from './registry';
import { defaultParams, validateParam } from './validateParam';

const l2 = { class_name: 'L2', config: { l2: 0.02 } };
const l1 = { class_name: 'L1', config: { l1: 0.01 } };
const maxNorm = { class_name: 'MaxNorm', config: { max_value: 3, axis: 0 } };
const heNormal = { class_name: 'HeNormal', config: { seed: 7, input_axes: null, output_axes: null } };

/** Non-default values for every parameter of every layer kind. */
const nonDefault: Record<string, Params> = {
  InputLayer: { shape: [32, null, 3], batch_size: 16 },
  Conv2D: {
    filters: 64,
    kernel_size: [5, 3],
    activation: 'relu',
    strides: [2, 1],
    padding: 'same',
    dilation_rate: [1, 1],
    use_bias: false,
    kernel_initializer: heNormal,
    bias_initializer: { class_name: 'Constant', config: { value: 0.1 } },
    kernel_regularizer: l2,
    bias_regularizer: l1,
    activity_regularizer: { class_name: 'L1L2', config: { l1: 0.001, l2: 0.002 } },
    kernel_constraint: maxNorm,
    bias_constraint: { class_name: 'NonNeg', config: {} },
  },
  DepthwiseConv2D: {
    kernel_size: [5, 5],
    depth_multiplier: 3,
    activation: 'relu6',
    strides: [1, 1],
    padding: 'same',
    dilation_rate: [2, 2],
    use_bias: false,
    depthwise_initializer: heNormal,
    bias_initializer: { class_name: 'Ones', config: {} },
    depthwise_regularizer: l2,
    bias_regularizer: null,
    activity_regularizer: l1,
    depthwise_constraint: { class_name: 'UnitNorm', config: { axis: 0 } },
    bias_constraint: null,
  },
  SeparableConv2D: {
    filters: 16,
    kernel_size: [5, 5],
    activation: 'tanh',
    strides: [2, 2],
    padding: 'same',
    depth_multiplier: 2,
    dilation_rate: [1, 1],
    use_bias: true,
    depthwise_initializer: heNormal,
    pointwise_initializer: { class_name: 'LecunUniform', config: { seed: null, input_axes: null, output_axes: null } },
    bias_initializer: { class_name: 'Zeros', config: {} },
    depthwise_regularizer: l2,
    pointwise_regularizer: l1,
    bias_regularizer: l2,
    activity_regularizer: null,
    depthwise_constraint: maxNorm,
    pointwise_constraint: { class_name: 'MinMaxNorm', config: { min_value: 0.1, max_value: 2, rate: 1, axis: 0 } },
    bias_constraint: null,
  },
  Conv2DTranspose: {
    filters: 8,
    kernel_size: [4, 4],
    activation: 'sigmoid',
    strides: [2, 2],
    padding: 'same',
    output_padding: [1, 1],
    dilation_rate: [1, 1],
    use_bias: false,
    kernel_initializer: heNormal,
    bias_initializer: { class_name: 'Zeros', config: {} },
    kernel_regularizer: l2,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: maxNorm,
    bias_constraint: null,
  },
  MaxPooling2D: { pool_size: [3, 3], strides: [2, 2], padding: 'same' },
  AveragePooling2D: { pool_size: [3, 2], strides: [1, 1], padding: 'same' },
  GlobalAveragePooling2D: { keepdims: true },
  GlobalMaxPooling2D: { keepdims: true },
  ZeroPadding2D: {
    padding: [
      [1, 2],
      [3, 4],
    ],
  },
  Cropping2D: {
    cropping: [
      [2, 0],
      [1, 3],
    ],
  },
  UpSampling2D: { size: [3, 2], interpolation: 'bilinear' },
  Dense: {
    units: 10,
    activation: 'softmax',
    use_bias: false,
    kernel_initializer: heNormal,
    bias_initializer: { class_name: 'RandomNormal', config: { seed: 1, mean: 0.5, stddev: 0.1 } },
    kernel_regularizer: l2,
    bias_regularizer: l1,
    activity_regularizer: l2,
    kernel_constraint: maxNorm,
    bias_constraint: { class_name: 'NonNeg', config: {} },
  },
  Dropout: { rate: 0.25, noise_shape: [null, 1, 1, 64], seed: 42 },
  SpatialDropout2D: { rate: 0.2, seed: 3 },
  Flatten: {},
  Reshape: { target_shape: [7, 7, -1] },
  Rescaling: { scale: 1 / 127.5, offset: -1 },
  BatchNormalization: {
    momentum: 0.9,
    epsilon: 1e-5,
    center: false,
    scale: false,
    axis: 1,
    beta_initializer: { class_name: 'Ones', config: {} },
    gamma_initializer: { class_name: 'Zeros', config: {} },
    moving_mean_initializer: { class_name: 'Ones', config: {} },
    moving_variance_initializer: { class_name: 'Zeros', config: {} },
    beta_regularizer: l2,
    gamma_regularizer: l1,
    beta_constraint: maxNorm,
    gamma_constraint: { class_name: 'NonNeg', config: {} },
  },
  LayerNormalization: {
    axis: [1, 2],
    epsilon: 1e-6,
    center: false,
    scale: false,
    beta_initializer: { class_name: 'Ones', config: {} },
    gamma_initializer: { class_name: 'Zeros', config: {} },
    beta_regularizer: l2,
    gamma_regularizer: l1,
    beta_constraint: { class_name: 'NonNeg', config: {} },
    gamma_constraint: maxNorm,
  },
  Activation: { activation: 'softmax' },
  ReLU: { max_value: 6, negative_slope: 0.1, threshold: 0.5 },
  LeakyReLU: { negative_slope: 0.2 },
  Softmax: { axis: 1 },
  Add: {},
  Subtract: {},
  Multiply: {},
  Average: {},
  Maximum: {},
  Concatenate: { axis: 1 },
};

describe('toConfig / fromConfig round trip', () => {
  it('has a non-default case for every layer kind', () => {
    expect(Object.keys(nonDefault).sort()).toEqual(layerDefs.map((d) => d.className).sort());
  });

  it.each(layerDefs.map((d) => [d.className, d] as const))('%s keeps every non-default parameter', (className, def) => {
    const params = nonDefault[className] ?? {};
    for (const spec of def.params) {
      expect(params[spec.name], `${className}.${spec.name} needs a test value`).toBeDefined();
      expect(validateParam(spec, params[spec.name]), `${className}.${spec.name}`).toBeNull();
      if (
        ![
          'use_bias',
          'dilation_rate',
          'strides',
          'bias_regularizer',
          'bias_constraint',
          'activity_regularizer',
          'padding',
          'bias_initializer',
          'depth_multiplier',
        ].includes(spec.name)
      ) {
        expect(params[spec.name], `${className}.${spec.name} should differ from its default`).not.toEqual(spec.default);
      }
    }
    const config = def.toConfig(params);
    const back = def.fromConfig(JSON.parse(JSON.stringify(config)));
    expect(back.unsupported).toEqual([]);
    expect(back.params).toEqual(params);
  });

  it.each(layerDefs.map((d) => [d.className, d] as const))('%s round-trips its defaults', (_className, def) => {
    const params = defaultParams(def);
    const back = def.fromConfig(def.toConfig(params));
    expect(back.unsupported).toEqual([]);
    expect(back.params).toEqual(params);
  });
});
