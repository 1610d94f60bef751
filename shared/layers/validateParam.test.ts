import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { encodeKerasObject, normalizeKerasObject, shortestFloat32 } from './kerasObjects';
import { layerDefs } from './registry';
import { def } from './testUtil.test-util';
import type { ParamSpec } from './types';
import { defaultParams, validateParam } from './validateParam';

function spec(className: string, name: string): ParamSpec {
  const s = def(className).params.find((p) => p.name === name);
  if (s === undefined) throw new Error(`${className}.${name}`);
  return s;
}

type Row = readonly [className: string, param: string, value: JsonValue, error: string | null];

const rows: readonly Row[] = [
  ['Conv2D', 'filters', 32, null],
  ['Conv2D', 'filters', 0, 'must be 1 or more'],
  ['Conv2D', 'filters', 2.5, 'must be a whole number'],
  ['Conv2D', 'filters', '32', 'must be a whole number'],
  ['Conv2D', 'kernel_size', [3, 3], null],
  ['Conv2D', 'kernel_size', [3], 'must be 2 whole numbers'],
  ['Conv2D', 'kernel_size', [0, 3], 'must all be 1 or more'],
  ['Conv2D', 'padding', 'same', null],
  ['Conv2D', 'padding', 'causal', "must be one of 'valid', 'same'"],
  ['Conv2D', 'activation', 'relu', null],
  [
    'Conv2D',
    'activation',
    'relux',
    'must be one of linear, relu, sigmoid, softmax, tanh, elu, selu, softplus, softsign, relu6, silu, gelu, hard_sigmoid, mish',
  ],
  ['Conv2D', 'kernel_regularizer', null, null],
  ['Conv2D', 'kernel_regularizer', { class_name: 'L2', config: { l2: 0.01 } }, null],
  ['Conv2D', 'kernel_regularizer', { class_name: 'L2', config: { l2: -1 } }, 'l2 must be 0 or more'],
  ['Conv2D', 'kernel_regularizer', { class_name: 'L3', config: {} }, "regularizer 'L3' is not supported"],
  ['Conv2D', 'kernel_initializer', null, 'needs an initializer'],
  ['Conv2D', 'kernel_constraint', { class_name: 'MaxNorm', config: { max_value: 0, axis: 0 } }, 'max_value must be greater than 0'],
  ['MaxPooling2D', 'strides', null, null],
  ['Dropout', 'rate', 0.5, null],
  ['Dropout', 'rate', 1.2, 'must be 1 or less'],
  ['Dropout', 'rate', -0.1, 'must be 0 or more'],
  ['Dropout', 'noise_shape', [null, 1, 1, 64], null],
  ['Dropout', 'seed', null, null],
  ['Dropout', 'seed', 1.5, 'must be a whole number'],
  ['BatchNormalization', 'epsilon', 0, 'must be greater than 0'],
  ['Reshape', 'target_shape', [7, 7, -1], null],
  ['Reshape', 'target_shape', [-1, -1], 'may contain -1 only once'],
  ['Reshape', 'target_shape', [-2, 4], 'must be 1 or more (or -1 once)'],
  ['InputLayer', 'shape', [28, 28, 1], null],
  ['InputLayer', 'shape', [null, null, 3], null],
  ['InputLayer', 'shape', [28, 0], 'sizes must be whole numbers of 1 or more (or empty for any size)'],
  ['InputLayer', 'shape', [], 'must be a list of sizes'],
  [
    'ZeroPadding2D',
    'padding',
    [
      [1, 1],
      [2, 2],
    ],
    null,
  ],
  ['ZeroPadding2D', 'padding', [1, 1], 'must be ((top, bottom), (left, right))'],
  [
    'Cropping2D',
    'cropping',
    [
      [-1, 0],
      [0, 0],
    ],
    'must not be negative',
  ],
  ['LayerNormalization', 'axis', [1, 2], null],
  ['LayerNormalization', 'axis', 'last', 'must be an axis number or a list of them'],
  ['ReLU', 'max_value', null, null],
  ['ReLU', 'max_value', -1, 'must be 0 or more'],
  ['Dense', 'use_bias', 'yes', 'must be true or false'],
];

describe('validateParam', () => {
  it.each(rows)('%s.%s = %j', (className, param, value, error) => {
    expect(validateParam(spec(className, param), value)).toBe(error);
  });

  it.each(layerDefs.map((d) => [d.className, d] as const))('%s: every default is valid and every spec has help', (_c, d) => {
    const params = defaultParams(d);
    for (const s of d.params) {
      expect(validateParam(s, params[s.name]), s.name).toBeNull();
      expect(s.help.length).toBeGreaterThan(10);
    }
    expect(d.params.filter((p) => p.key).length).toBeLessThanOrEqual(3);
  });
});

describe('Keras helper objects', () => {
  it('writes initializers, regularizers and constraints the way Keras 3 does', () => {
    expect(encodeKerasObject('initializer', { class_name: 'GlorotUniform', config: { seed: null, input_axes: null, output_axes: null } })).toEqual({
      module: 'keras.initializers',
      class_name: 'GlorotUniform',
      config: { seed: null, input_axes: null, output_axes: null },
      registered_name: null,
    });
    expect(encodeKerasObject('regularizer', { class_name: 'L2', config: { l2: 0.01 } })).toEqual({
      module: 'keras.regularizers',
      class_name: 'L2',
      config: { l2: 0.01 },
      registered_name: null,
    });
    // Keras 3 keeps L1's factor as float32.
    expect(encodeKerasObject('regularizer', { class_name: 'L1', config: { l1: 0.01 } })).toEqual({
      module: 'keras.regularizers',
      class_name: 'L1',
      config: { l1: 0.009999999776482582 },
      registered_name: null,
    });
    expect(encodeKerasObject('regularizer', null)).toBeNull();
  });

  it('reads names and Keras 2 forms', () => {
    expect(normalizeKerasObject('initializer', 'he_uniform')).toEqual({
      ok: true,
      value: { class_name: 'HeUniform', config: { seed: null, input_axes: null, output_axes: null } },
    });
    expect(normalizeKerasObject('regularizer', { class_name: 'l2', config: { l2: 0.5 } })).toEqual({
      ok: true,
      value: { class_name: 'L2', config: { l2: 0.5 } },
    });
    expect(normalizeKerasObject('constraint', 'max_norm')).toEqual({ ok: true, value: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } } });
    expect(
      normalizeKerasObject('initializer', { class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_in', distribution: 'normal', seed: null } }),
    ).toEqual({
      ok: true,
      value: {
        class_name: 'VarianceScaling',
        config: { seed: null, scale: 2, mode: 'fan_in', distribution: 'truncated_normal', input_axes: null, output_axes: null },
      },
    });
    expect(normalizeKerasObject('constraint', { class_name: 'MaxNorm', config: { max_value: 2, axis: 0, extra: 1 } }).ok).toBe(false);
  });

  it('finds the shortest decimal of a float32', () => {
    expect(shortestFloat32(0.009999999776482582)).toBe(0.01);
    expect(shortestFloat32(0.0010000000474974513)).toBe(0.001);
    expect(shortestFloat32(0.25)).toBe(0.25);
  });
});
