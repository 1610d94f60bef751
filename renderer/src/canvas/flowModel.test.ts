import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { createEdgeDeriver, createNodeDeriver, type CanvasInference, type DeriveInput } from './flowModel';
import { emptyPath, pathThrough } from './pathHighlight';

// Input -> Conv2D -> Add (merge, input 0), and Input -> Add (input 1): a tiny residual.
const graph: Graph = {
  name: 'g',
  nodes: [
    { id: 'in', kind: 'InputLayer', name: 'input_layer', params: { shape: [8, 8, 4] }, position: { x: 0, y: 0 } },
    { id: 'c', kind: 'Conv2D', name: 'conv2d', params: { filters: 4, kernel_size: [3, 3], padding: 'same' }, position: { x: 0, y: 130 } },
    { id: 'add', kind: 'Add', name: 'add', params: {}, position: { x: 0, y: 260 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'c', targetIndex: 0 },
    { id: 'e2', source: 'c', target: 'add', targetIndex: 0 },
    { id: 'e3', source: 'in', target: 'add', targetIndex: 1 },
  ],
};

const inference: CanvasInference = {
  nodes: new Map([
    ['in', { outputShape: [null, 8, 8, 4], params: { trainable: 0, nonTrainable: 0 } }],
    ['c', { outputShape: [null, 8, 8, 4], params: { trainable: 148, nonTrainable: 0 } }],
  ]),
  diagnostics: [{ severity: 'error', code: 'x', nodeId: 'add', message: "Add 'add' is broken." }],
};

const input = (over: Partial<DeriveInput> = {}): DeriveInput => ({
  graph,
  inference,
  selectedNodes: [],
  selectedEdges: [],
  path: emptyPath,
  drag: null,
  measured: new Map(),
  ...over,
});

describe('flow model', () => {
  it('shows counts, problems and one socket per merge input plus a free one', () => {
    const nodes = createNodeDeriver()(input());
    const byId = new Map(nodes.map((n) => [n.id, n.data]));
    expect(byId.get('c')?.paramCount).toBe(148);
    expect(byId.get('add')?.severity).toBe('error');
    expect(byId.get('add')?.problems).toEqual(["Add 'add' is broken."]);
    expect(byId.get('add')?.paramCount).toBeNull();
    expect(byId.get('add')?.sockets).toBe(3);
    expect(byId.get('in')?.sockets).toBe(0);
    expect(byId.get('c')?.sockets).toBe(1);
  });

  it('reuses node objects whose face did not change, so memoised blocks skip rendering', () => {
    const derive = createNodeDeriver();
    const first = derive(input());
    const moved = derive(input({ drag: new Map([['c', { x: 50, y: 130 }]]) }));
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[1]?.position).toEqual({ x: 50, y: 130 });
    const selected = derive(input({ selectedNodes: ['add'], path: pathThrough(graph, ['add']) }));
    expect(selected[2]?.selected).toBe(true);
    expect(selected[2]?.data.onPath).toBe(true);
  });

  it('labels wires with shapes, dashes unknown ones, keeps labels apart on fan-out and merges', () => {
    const edges = createEdgeDeriver()(input());
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get('e1')?.data?.shape).toBe('(None, 8, 8, 4)');
    expect(byId.get('e1')?.targetHandle).toBe('in-0');
    expect(byId.get('e3')?.targetHandle).toBe('in-1');
    expect(byId.get('e1')?.data?.labelAt).toBeGreaterThan(0.5);
    expect(byId.get('e2')?.data?.labelAt).toBeLessThan(0.5);
    const unknown = createEdgeDeriver()(input({ inference: { nodes: new Map(), diagnostics: [] } }));
    expect(unknown[0]?.data?.shape).toBeNull();
  });
});
