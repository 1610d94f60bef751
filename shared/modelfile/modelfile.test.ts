import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { h5Layout, planKeras3Weights, planLegacyWeights, type H5Attr, type H5DatasetInfo, type H5GroupInfo } from './h5layout';
import { matchWeights } from './matchWeights';
import { describeContent, sniff } from './sniff';
import { weightBytesLimit } from './limits';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniff: the format from the content, never the extension', () => {
  it.each<[string, Uint8Array, string]>([
    ['a zip (.keras)', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0), 'zip'],
    ['HDF5 at 0', Uint8Array.of(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a), 'hdf5'],
    ['a PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['JSON after a BOM and spaces', enc('\uFEFF  \n{"a":1}'), 'json'],
    ['plain text', enc('root:x:0:0'), 'text'],
    ['binary', Uint8Array.of(1, 2, 3, 0, 5), 'binary'],
    ['nothing', new Uint8Array(0), 'empty'],
  ])('%s', (_label, bytes, kind) => {
    expect(sniff(bytes)).toBe(kind);
  });

  it('finds an HDF5 superblock after a 512-byte user block', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a], 512);
    expect(sniff(bytes)).toBe('hdf5');
    expect(describeContent('hdf5')).toBe('an HDF5 file');
  });
});

const ds = (path: string, shape: number[]): H5DatasetInfo => ({ kind: 'dataset', path, shape, dtype: '<f' });
function group(path: string, children: Record<string, H5GroupInfo | H5DatasetInfo>, attrs: Record<string, H5Attr> = {}): H5GroupInfo {
  return { kind: 'group', path, attrs: new Map(Object.entries(attrs)), children: new Map(Object.entries(children)) };
}

describe('HDF5 layouts', () => {
  const keras3 = group('/', {
    layers: group('/layers', {
      conv2d: group('/layers/conv2d', {
        vars: group('/layers/conv2d/vars', { 1: ds('/layers/conv2d/vars/1', [4]), 0: ds('/layers/conv2d/vars/0', [3, 3, 1, 4]) }),
      }),
      flatten: group('/layers/flatten', { vars: group('/layers/flatten/vars', {}) }),
      dense_9: group('/layers/dense_9', { vars: group('/layers/dense_9/vars', { 0: ds('/layers/dense_9/vars/0', [2, 2]) }) }),
    }),
    optimizer: group('/optimizer', { vars: group('/optimizer/vars', { 0: ds('/optimizer/vars/0', [1000000]) }) }),
  });

  it('Keras 3: class-named slots mapped to layers, vars by index; unknown slots kept under their path; optimizer state never planned', () => {
    expect(h5Layout(keras3)?.kind).toBe('keras3-weights');
    const planned = planKeras3Weights(keras3, new Map([['conv2d', 'conv_a']]));
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.value.layers.map((l) => [l.layer, l.vars.map((v) => v.dataset.path)])).toEqual([
      ['conv_a', ['/layers/conv2d/vars/0', '/layers/conv2d/vars/1']],
      ['layers/dense_9', ['/layers/dense_9/vars/0']],
    ]);
  });

  it('legacy: layer_names and weight_names, matched by layer name; a listed weight that is missing is an error', () => {
    const legacy = group(
      '/',
      {
        model_weights: group(
          '/model_weights',
          {
            dense: group(
              '/model_weights/dense',
              { dense: group('/model_weights/dense/dense', { 'kernel:0': ds('k', [2, 3]), 'bias:0': ds('b', [3]) }) },
              { weight_names: ['dense/kernel:0', 'dense/bias:0'] },
            ),
            drop: group('/model_weights/drop', {}, { weight_names: [] }),
          },
          { layer_names: ['dense', 'drop'] },
        ),
      },
      { model_config: '{"class_name": "Sequential"}' },
    );
    const layout = h5Layout(legacy);
    if (layout?.kind !== 'legacy-model' || layout.weights === null) throw new Error('expected a legacy model');
    const planned = planLegacyWeights(layout.weights);
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.value.layers).toEqual([
      {
        layer: 'dense',
        vars: [
          { name: 'kernel', dataset: ds('k', [2, 3]) },
          { name: 'bias', dataset: ds('b', [3]) },
        ],
      },
    ]);
    const broken = group('/', { dense: group('/dense', {}, { weight_names: ['dense/kernel:0'] }) }, { layer_names: ['dense'] });
    const r = planLegacyWeights(broken);
    expect(r.ok ? '' : r.error.message).toBe("layer 'dense' lists weight 'dense/kernel:0' but the file has no such dataset");
  });
});

const graph: Graph = {
  name: 'm',
  nodes: [
    { id: 'i', kind: 'InputLayer', name: 'input', params: { shape: [3] }, position: { x: 0, y: 0 } },
    { id: 'd', kind: 'Dense', name: 'dense', params: { units: 2 }, position: { x: 0, y: 0 } },
    { id: 'e', kind: 'Dense', name: 'out', params: { units: 1 }, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'i', target: 'd', targetIndex: 0 },
    { id: 'b', source: 'd', target: 'e', targetIndex: 0 },
  ],
};
const v = (shape: number[]) => ({ name: '', shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

describe('matchWeights: nothing silently dropped', () => {
  it('accepts weights of exactly the shapes Keras builds, in graph order with Keras names', () => {
    const r = matchWeights(graph, [
      { layer: 'out', vars: [v([2, 1]), v([1])] },
      { layer: 'dense', vars: [v([3, 2]), v([2])] },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights.map((w) => [w.layer, w.vars.map((x) => x.name)])).toEqual([
      ['dense', ['kernel', 'bias']],
      ['out', ['kernel', 'bias']],
    ]);
  });

  it('names the layer and both shapes, the missing layers and the extra ones', () => {
    const r = matchWeights(graph, [
      { layer: 'dense', vars: [v([4, 2]), v([2])] },
      { layer: 'head', vars: [v([2, 5])] },
    ]);
    expect(r.ok ? '' : r.error.message).toBe(
      "the weights do not fit the model: Dense 'dense' kernel has shape (3, 2) in the model but (4, 2) in the file; no weights for layer 'out' (Dense); weights for a layer the model does not have: 'head'.",
    );
  });
});

describe('limits', () => {
  it('allow float32 weights plus slack, not a bomb', () => {
    expect(weightBytesLimit(1000, 3)).toBeGreaterThan(4000);
    expect(weightBytesLimit(1000, 3)).toBeLessThan(2 * 1024 * 1024);
  });
});
