import { describe, expect, it } from 'vitest';
import { buildChain, buildGraph, type LayerSpec } from '../graph/fromSpec';
import type { Graph, Params } from '../graph/types';
import { kerasCnn } from './exampleGraphs.test-util';
import { fakeGetDef } from './fakeLayers.test-util';
import { inferGraph } from './infer';

const infer = (g: Graph) => inferGraph(g, { getDef: fakeGetDef });
const codes = (g: Graph) => infer(g).diagnostics.map((d) => `${d.severity}:${d.code}${d.nodeId ? `@${d.nodeId}` : ''}`);

function edit(g: Graph, name: string, params: Params): Graph {
  return { ...g, nodes: g.nodes.map((n) => (n.name === name ? { ...n, params: { ...n.params, ...params } } : n)) };
}

describe('inferGraph', () => {
  it('shapes and parameter counts of the Keras CNN', () => {
    const r = infer(kerasCnn);
    expect(r.diagnostics).toEqual([]);
    expect([...r.nodes.values()].map((n) => [n.name, n.outputShape, n.params.trainable])).toEqual([
      ['input_layer', [null, 28, 28, 1], 0],
      ['conv2d', [null, 26, 26, 32], 320],
      ['conv2d_1', [null, 24, 24, 64], 18496],
      ['max_pooling2d', [null, 12, 12, 64], 0],
      ['dropout', [null, 12, 12, 64], 0],
      ['flatten', [null, 9216], 0],
      ['dense', [null, 128], 1179776],
      ['dropout_1', [null, 128], 0],
      ['dense_1', [null, 10], 1290],
    ]);
    expect(r.totals).toEqual({ total: 1199882, trainable: 1199882, nonTrainable: 0 });
  });

  it('non-trainable weights and frozen layers', () => {
    const g = buildChain('bn', [
      { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 8] } },
      { name: 'bn', kind: 'BatchNormalization' },
      { name: 'd', kind: 'Dense', params: { units: 2, trainable: false } },
    ]);
    expect(infer(g).totals).toEqual({ total: 32 + 18, trainable: 16, nonTrainable: 16 + 18 });
  });

  it('an error upstream silences everything downstream', () => {
    const g = edit(kerasCnn, 'conv2d', { kernel_size: [40, 40] });
    const r = infer(g);
    expect(codes(g)).toEqual(['error:spatial-size@conv2d']);
    expect(r.diagnostics[0]?.message).toBe("Conv2D 'conv2d' has a 40×40 kernel but its input is only 28×28; use padding 'same' or a smaller kernel.");
    expect(r.diagnostics[0]?.param).toBe('kernel_size');
    expect(r.nodes.get('dense_1')?.outputShape).toBeNull();
    expect(r.nodes.get('input_layer')?.outputShape).toEqual([null, 28, 28, 1]);
  });

  it.each<[string, LayerSpec[], string[]]>([
    [
      'missing input',
      [
        { name: 'in', kind: 'InputLayer' },
        { name: 'd', kind: 'Dense' },
      ],
      ['error:missing-input@d', 'warning:disconnected@d'],
    ],
    ['no InputLayer', [{ name: 'd', kind: 'Dense' }], ['error:no-input-layer', 'error:missing-input@d']],
    ['empty model', [], ['error:empty-model']],
    [
      'extra input',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'a', kind: 'Dense', inputs: ['in'] },
        { name: 'd', kind: 'Dense', inputs: ['in', 'a'] },
      ],
      ['error:extra-input@d'],
    ],
    [
      'input into InputLayer',
      [
        { name: 'in', kind: 'InputLayer' },
        { name: 'in2', kind: 'InputLayer', inputs: ['in'] },
      ],
      ['error:extra-input@in2'],
    ],
    [
      'merge needs two',
      [
        { name: 'in', kind: 'InputLayer' },
        { name: 'add', kind: 'Add', inputs: ['in'] },
      ],
      ['error:missing-input@add'],
    ],
    [
      'merge shapes',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'a', kind: 'Dense', params: { units: 3 }, inputs: ['in'] },
        { name: 'add', kind: 'Add', inputs: ['in', 'a'] },
        { name: 'out', kind: 'Dense', inputs: ['add'] },
      ],
      ['error:merge-shape@add'],
    ],
    [
      'duplicate names',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'd', kind: 'Dense', inputs: ['in'] },
      ],
      [],
    ],
    [
      'unknown class',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'x', kind: 'Frobnicate', inputs: ['in'] },
      ],
      ['error:unknown-layer@x'],
    ],
    [
      'invalid parameter',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'd', kind: 'Dense', params: { units: 0 }, inputs: ['in'] },
        { name: 'e', kind: 'Dense', inputs: ['d'] },
      ],
      ['error:invalid-param@d'],
    ],
    [
      'cycle',
      [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'add', kind: 'Add', inputs: ['in', 'b'] },
        { name: 'a', kind: 'Dense', params: { units: 4 }, inputs: ['add'] },
        { name: 'b', kind: 'Dense', params: { units: 4 }, inputs: ['a'] },
      ],
      ['error:cycle@add', 'error:cycle@a', 'error:cycle@b'],
    ],
  ])('%s', (_l, specs, expected) => {
    expect(codes(buildGraph('m', specs))).toEqual(expected);
  });

  it('duplicate names: one error on the second block, with a suggestion', () => {
    const g = buildGraph('m', [
      { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
      { name: 'd', kind: 'Dense', inputs: ['in'] },
      { name: 'e', kind: 'Dense', inputs: ['d'] },
    ]);
    const renamed = { ...g, nodes: g.nodes.map((n) => (n.id === 'e' ? { ...n, name: 'dense' } : n.id === 'd' ? { ...n, name: 'dense' } : n)) };
    const r = infer(renamed);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['duplicate-name']);
    expect(r.diagnostics[0]?.message).toBe(
      "Dense 'dense' has the same name as another block; Keras needs every layer name to be unique — rename it (e.g. 'dense_1').",
    );
  });

  it('messages name the block and the fix', () => {
    const m = (specs: LayerSpec[]) => infer(buildGraph('m', specs)).diagnostics.map((d) => d.message);
    expect(
      m([
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
        { name: 'd', kind: 'Dense', params: { units: 0 }, inputs: ['in'] },
      ]),
    ).toEqual(["Dense 'd' has units = 0, which must be 1 or more; change it in the inspector."]);
    expect(
      m([
        { name: 'in', kind: 'InputLayer' },
        { name: 'x', kind: 'Dense', inputs: ['y'] },
        { name: 'y', kind: 'Dense', inputs: ['x'] },
      ]).filter((t) => t.includes('cycle')),
    ).toEqual([
      "Dense 'x' is part of a cycle (x → y → x); data must flow one way — remove one of these wires.",
      "Dense 'y' is part of a cycle (x → y → x); data must flow one way — remove one of these wires.",
    ]);
  });

  it.each<[string, Graph, string, string]>([
    [
      'Dense on an image tensor',
      buildChain('m', [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 12, 12, 64] } },
        { name: 'dense_1', kind: 'Dense', params: { units: 10 } },
      ]),
      'dense-on-image',
      "Dense 'dense_1' gets a 4-D tensor (None, 12, 12, 64); add a Flatten (or GlobalAveragePooling2D) before it.",
    ],
    [
      'softmax in the middle',
      edit(kerasCnn, 'dense', { activation: 'softmax' }),
      'softmax-not-last',
      "Dense 'dense' applies softmax but feeds Dropout 'dropout_1'; softmax belongs on the last layer of a classifier — use 'relu' here.",
    ],
    [
      'dropout above 0.9',
      edit(kerasCnn, 'dropout', { rate: 0.95 }),
      'dropout-rate-high',
      "Dropout 'dropout' drops 95% of its inputs (rate 0.95); that leaves too little signal to learn from — try 0.2 to 0.5.",
    ],
    [
      'pool window larger than input',
      buildChain('m', [
        { name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 3, 3, 8] } },
        { name: 'p', kind: 'MaxPooling2D', params: { pool_size: [4, 4], padding: 'same' } },
      ]),
      'pool-larger-than-input',
      "MaxPooling2D 'p' has a 4×4 window but its input is only 3×3; use a smaller pool_size or remove the pooling.",
    ],
    [
      'loose block',
      { ...kerasCnn, nodes: [...kerasCnn.nodes, { id: 'loose', kind: 'Dense', name: 'loose', params: {}, position: { x: 0, y: 0 } }] },
      'disconnected',
      "Dense 'loose' is not connected to the rest of the model; wire it in or delete it.",
    ],
  ])('warning: %s', (_l, g, code, message) => {
    const r = infer(g);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d?.severity).toBe('warning');
    expect(d?.message).toBe(message);
  });

  it('a 313-layer graph is fast enough to run on every edit', () => {
    const specs: LayerSpec[] = [{ name: 'in', kind: 'InputLayer', params: { batch_shape: [null, 32, 32, 8] } }];
    for (let i = 0; i < 104; i++) {
      const prev = specs[specs.length - 1]?.name ?? 'in';
      specs.push({ name: `c${i}`, kind: 'Conv2D', params: { filters: 8, padding: 'same' }, inputs: [prev] });
      specs.push({ name: `b${i}`, kind: 'BatchNormalization', inputs: [`c${i}`] });
      specs.push({ name: `a${i}`, kind: 'Add', inputs: [`b${i}`, prev] });
    }
    const g = buildGraph('big', specs);
    expect(g.nodes).toHaveLength(313);
    const r = infer(g);
    expect(r.diagnostics).toEqual([]);
    expect(r.nodes.get('a103')?.outputShape).toEqual([null, 32, 32, 8]);
  });
});
