import { describe, expect, it } from 'vitest';
import { kerasBaseName, uniqueLayerName, uniqueName, withKerasDefaultName } from './naming';
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

describe('withKerasDefaultName (Keras names an unnamed model by its class)', () => {
  const at = { x: 0, y: 0 };
  const n = (id: string, kind: string): GraphNode => ({ id, kind, name: id, params: {}, position: at });
  const e = (source: string, target: string, targetIndex = 0) => ({ id: `${source}-${target}-${targetIndex}`, source, target, targetIndex });
  const chain: Graph = { name: 'sequential', nodes: [n('in', 'InputLayer'), n('d', 'Dense')], edges: [e('in', 'd')] };
  // A skip connection: in -> a -> add, in -> add (two inputs into Add).
  const branched: Graph = {
    name: 'sequential',
    nodes: [n('in', 'InputLayer'), n('a', 'Dense'), n('add', 'Add')],
    edges: [e('in', 'a'), e('a', 'add', 0), e('in', 'add', 1)],
  };

  it('keeps a chain named sequential (the same graph object: no spurious edit)', () => {
    expect(withKerasDefaultName(chain)).toBe(chain);
  });
  it('names a branched model functional', () => {
    expect(withKerasDefaultName(branched).name).toBe('functional');
  });
  it('goes back to sequential when the branch is removed', () => {
    expect(withKerasDefaultName({ ...chain, name: 'functional' }).name).toBe('sequential');
  });
  it('a chain marked Functional (Keras Applications style) is functional', () => {
    expect(withKerasDefaultName({ ...chain, modelClass: 'Functional' }).name).toBe('functional');
  });
  it('an empty or half-built canvas (no Input yet) stays sequential', () => {
    const loose: Graph = { name: 'sequential', nodes: [n('d', 'Dense'), n('c', 'Conv2D')], edges: [] };
    expect(withKerasDefaultName(loose)).toBe(loose);
    expect(withKerasDefaultName({ name: 'sequential', nodes: [], edges: [] }).name).toBe('sequential');
  });
  it('never renames a model the learner named', () => {
    expect(withKerasDefaultName({ ...branched, name: 'my_resnet' }).name).toBe('my_resnet');
  });
});
