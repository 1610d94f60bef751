import { describe, expect, it } from 'vitest';
import { kerasBaseName, uniqueLayerName, uniqueName } from './naming';
import type { Graph, GraphNode } from './types';

const node = (name: string): GraphNode => ({ id: name, kind: 'X', name, params: {}, position: { x: 0, y: 0 } });
const graphOf = (...names: string[]): Graph => ({ name: 'm', nodes: names.map(node), edges: [] });

describe('kerasBaseName (Keras to_snake_case)', () => {
  it.each([
    ['Conv2D', 'conv2d'],
    ['MaxPooling2D', 'max_pooling2d'],
    ['ReLU', 're_lu'],
    ['InputLayer', 'input_layer'],
    ['Dense', 'dense'],
    ['BatchNormalization', 'batch_normalization'],
    ['GlobalAveragePooling2D', 'global_average_pooling2d'],
    ['Conv2DTranspose', 'conv2d_transpose'],
    ['DepthwiseConv2D', 'depthwise_conv2d'],
    ['SeparableConv2D', 'separable_conv2d'],
    ['ZeroPadding2D', 'zero_padding2d'],
    ['UpSampling2D', 'up_sampling2d'],
    ['LeakyReLU', 'leaky_re_lu'],
    ['SpatialDropout2D', 'spatial_dropout2d'],
    ['LayerNormalization', 'layer_normalization'],
  ])('%s -> %s', (cls, expected) => {
    expect(kerasBaseName(cls)).toBe(expected);
  });
});

describe('uniqueLayerName', () => {
  it.each([
    [[], 'Conv2D', 'conv2d'],
    [['conv2d'], 'Conv2D', 'conv2d_1'],
    [['conv2d', 'conv2d_1'], 'Conv2D', 'conv2d_2'],
    [['conv2d_1'], 'Conv2D', 'conv2d_2'],
    [['conv2d_transpose'], 'Conv2D', 'conv2d'],
    [['dense', 'dense_7'], 'Dense', 'dense_8'],
    [['dense_x'], 'Dense', 'dense'],
  ])('%j + %s -> %s', (names, cls, expected) => {
    expect(uniqueLayerName(graphOf(...names), cls)).toBe(expected);
  });

  it('skips a suffix that is taken in an odd way', () => {
    expect(uniqueName(['a', 'a_01', 'a_1'], 'a')).toBe('a_2');
  });
});
