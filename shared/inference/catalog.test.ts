import { describe, expect, it } from 'vitest';
import { buildGraph, type LayerSpec } from '../graph/fromSpec';
import { templates } from '../templates';
import { inferGraph } from './infer';

/* The inference with the real layer catalog (shared/layers) and the real templates. */

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('infers without errors and with Keras totals', () => {
    const r = inferGraph(t.build());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.totals.total).toBe(t.expectedTotalParams);
    expect(r.totals.trainable).toBe(t.expectedTrainableParams);
    expect([...r.nodes.values()].every((n) => n.outputShape !== null)).toBe(true);
  });
});

const input = (shape: number[]): LayerSpec => ({ name: 'input_layer', kind: 'InputLayer', params: { shape } });
const diag = (specs: LayerSpec[]) =>
  inferGraph(buildGraph('m', specs)).diagnostics.map((d) => ({ severity: d.severity, code: d.code, node: d.nodeId, param: d.param, message: d.message }));

describe('diagnostics from the real catalog: one per mistake, naming the block and the fix', () => {
  it.each<[string, LayerSpec[], { severity: string; code: string; node: string; message: RegExp }[]]>([
    [
      'kernel larger than the input',
      [
        input([28, 28, 1]),
        { name: 'conv2d', kind: 'Conv2D', params: { filters: 8, kernel_size: [40, 40] }, inputs: ['input_layer'] },
        { name: 'flatten', kind: 'Flatten', inputs: ['conv2d'] },
      ],
      [
        {
          severity: 'error',
          code: 'spatial-size',
          node: 'conv2d',
          message: /^Conv2D 'conv2d' has a 40×40 kernel but its input is only 28×28.*; use padding 'same'/,
        },
      ],
    ],
    [
      'Dense on an image',
      [input([12, 12, 64]), { name: 'dense_1', kind: 'Dense', params: { units: 10 }, inputs: ['input_layer'] }],
      [
        {
          severity: 'warning',
          code: expect.stringMatching(/^dense-on/) as unknown as string,
          node: 'dense_1',
          message: /^Dense 'dense_1' gets a 4-D tensor \(None, 12, 12, 64\).*add a Flatten/,
        },
      ],
    ],
    [
      'Add of different channels',
      [
        input([8, 8, 3]),
        { name: 'a', kind: 'Conv2D', params: { filters: 8 }, inputs: ['input_layer'] },
        { name: 'b', kind: 'Conv2D', params: { filters: 4 }, inputs: ['input_layer'] },
        { name: 'add', kind: 'Add', inputs: ['a', 'b'] },
        { name: 'out', kind: 'Flatten', inputs: ['add'] },
      ],
      [{ severity: 'error', code: 'merge-shape-mismatch', node: 'add', message: /^Add 'add' gets inputs of incompatible shapes/ }],
    ],
    [
      'Reshape to the wrong size',
      [input([28, 28, 1]), { name: 'reshape', kind: 'Reshape', params: { target_shape: [10, 10] }, inputs: ['input_layer'] }],
      [{ severity: 'error', code: 'reshape-size', node: 'reshape', message: /^Reshape 'reshape' cannot reshape \(None, 28, 28, 1\)/ }],
    ],
    [
      'pool window larger than the input (same padding)',
      [input([3, 3, 1]), { name: 'mp', kind: 'MaxPooling2D', params: { pool_size: [4, 4], padding: 'same' }, inputs: ['input_layer'] }],
      [{ severity: 'warning', code: 'pool-larger-than-input', node: 'mp', message: /^MaxPooling2D 'mp' has a 4×4 window/ }],
    ],
    [
      'invalid parameter',
      [input([4]), { name: 'dropout', kind: 'Dropout', params: { rate: 1.5 }, inputs: ['input_layer'] }],
      [
        {
          severity: 'error',
          code: 'invalid-param',
          node: 'dropout',
          message: /^Dropout 'dropout' has rate = 1\.5, which must be 1 or less; change it in the inspector\.$/,
        },
      ],
    ],
    [
      'Dropout 0.95',
      [input([4]), { name: 'dropout', kind: 'Dropout', params: { rate: 0.95 }, inputs: ['input_layer'] }],
      [{ severity: 'warning', code: 'dropout-rate-high', node: 'dropout', message: /^Dropout 'dropout' drops 95%/ }],
    ],
  ])('%s', (_l, specs, expected) => {
    const got = diag(specs);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(got[i]).toMatchObject({ severity: e.severity, code: e.code, node: e.node });
      expect(got[i]?.message).toMatch(e.message);
    });
  });
});
