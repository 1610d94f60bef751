import { describe, expect, it } from 'vitest';
import type { Outcome } from '../api/outcome';
import { addNode, connect, copyFragment, disconnect, duplicateNodes, moveNodes, pasteGroup, removeNodes, renameNode, setParam } from './commands';
import { canConnect } from './connections';
import { buildGraph } from './fromSpec';
import { emptyGraph, type Graph } from './types';

function must(r: Outcome<Graph>): Graph {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const base = buildGraph('m', [
  { name: 'input_layer', kind: 'InputLayer' },
  { name: 'conv2d', kind: 'Conv2D', inputs: ['input_layer'] },
  { name: 'dense', kind: 'Dense', inputs: ['conv2d'] },
  { name: 'add', kind: 'Add' },
]);

describe('edit commands', () => {
  it('addNode names like Keras and never mutates', () => {
    const a = addNode(emptyGraph, 'Conv2D', { x: 1, y: 2 });
    const b = addNode(a.graph, 'Conv2D', { x: 1, y: 2 });
    const c = addNode(b.graph, 'MaxPooling2D', { x: 0, y: 0 }, { params: { pool_size: [3, 3] } });
    expect(emptyGraph.nodes).toHaveLength(0);
    expect(c.graph.nodes.map((n) => n.name)).toEqual(['conv2d', 'conv2d_1', 'max_pooling2d']);
    expect(new Set(c.graph.nodes.map((n) => n.id)).size).toBe(3);
    expect(c.graph.nodes[2]?.params['pool_size']).toEqual([3, 3]);
    expect(addNode(c.graph, 'Dense', { x: 0, y: 0 }, { name: 'fc1', id: 'x' }).graph.nodes[3]).toMatchObject({ id: 'x', name: 'fc1' });
  });

  it('connect / disconnect', () => {
    const g = must(connect(base, 'dense', 'add'));
    const g2 = must(connect(g, 'conv2d', 'add'));
    expect(g2.edges.filter((e) => e.target === 'add').map((e) => [e.source, e.targetIndex])).toEqual([
      ['dense', 0],
      ['conv2d', 1],
    ]);
    const edge = g2.edges.find((e) => e.source === 'dense' && e.target === 'add');
    expect(edge).toBeDefined();
    const g3 = disconnect(g2, edge?.id ?? '');
    expect(g3.edges).toHaveLength(g2.edges.length - 1);
    expect(must(connect(g3, 'dense', 'add')).edges.find((e) => e.source === 'dense' && e.target === 'add')?.targetIndex).toBe(0);
  });

  it.each([
    ['cycle', 'dense', 'conv2d', 1, /cycle/],
    ['input already fed', 'input_layer', 'dense', 0, /already fed by 'conv2d'/],
    ['InputLayer takes none', 'dense', 'input_layer', 0, /takes no input/],
    ['self', 'dense', 'dense', 0, /cannot feed itself/],
    ['missing block', 'nope', 'dense', 0, /no longer exists/],
  ])('canConnect refuses: %s', (_l, s, t, i, msg) => {
    expect(canConnect(base, s, t, i)).toMatch(msg);
    const r = connect(base, s, t, i);
    expect(!r.ok && r.error.message).toMatch(msg);
  });

  it('canConnect allows a free merge input and a fresh wire', () => {
    expect(canConnect(base, 'dense', 'add', 0)).toBeNull();
    expect(canConnect(base, 'input_layer', 'add', 3)).toBeNull();
  });

  it('removeNodes drops their wires and outputs', () => {
    const g = removeNodes({ ...base, outputs: ['dense'] }, ['conv2d']);
    expect(g.nodes.map((n) => n.id)).toEqual(['input_layer', 'dense', 'add']);
    expect(g.edges).toHaveLength(0);
    expect(removeNodes({ ...base, outputs: ['dense'] }, ['dense']).outputs).toEqual([]);
  });

  it('setParam, renameNode, moveNodes', () => {
    const g = moveNodes(renameNode(setParam(base, 'dense', 'units', 64), 'dense', 'fc'), [
      { id: 'fc', position: { x: 9, y: 9 } },
      { id: 'dense', position: { x: 5, y: 6 } },
    ]);
    expect(g.nodes[2]).toMatchObject({ name: 'fc', params: { units: 64 }, position: { x: 5, y: 6 } });
    expect(base.nodes[2]).toMatchObject({ name: 'dense', params: {} });
  });

  it('duplicate and paste keep inner wires, new ids and unique names', () => {
    const g = duplicateNodes(base, ['conv2d', 'dense'], { x: 10, y: 0 });
    expect(g.nodes.map((n) => n.name)).toEqual(['input_layer', 'conv2d', 'dense', 'add', 'conv2d_1', 'dense_1']);
    const copies = g.nodes.slice(4);
    expect(copies.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(g.edges.at(-1)).toMatchObject({ id: 'e1', source: 'n1', target: 'n2', targetIndex: 0 });
    expect(copies.map((n) => n.position.x)).toEqual([10, 10]);
    const inner = g.edges.filter((e) => copies.some((c) => c.id === e.target));
    expect(inner).toHaveLength(1);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    const pasted = pasteGroup(
      g,
      copyFragment(
        g,
        ['conv2d_1'].map((n) => g.nodes.find((x) => x.name === n)?.id ?? ''),
      ),
      { x: 0, y: 0 },
    );
    expect(pasted.nodeIds).toEqual(['n3']);
    expect(pasted.graph.nodes.at(-1)?.name).toBe('conv2d_2');
  });
});

describe('with the real layer catalog', () => {
  it('a new block gets Keras defaults and the connection rules know its inputs', () => {
    const a = addNode(emptyGraph, 'InputLayer', { x: 0, y: 0 });
    const b = addNode(a.graph, 'Conv2D', { x: 0, y: 100 });
    const c = addNode(b.graph, 'Dense', { x: 0, y: 200 });
    expect(b.graph.nodes[1]).toMatchObject({ name: 'conv2d', params: { filters: 32, kernel_size: [3, 3], padding: 'valid' } });
    const g = must(connect(must(connect(c.graph, a.nodeId, b.nodeId)), b.nodeId, c.nodeId));
    expect(canConnect(g, a.nodeId, c.nodeId)).toMatch(/^Dense 'dense' takes only one input and it is already fed/);
    const add = addNode(g, 'Add', { x: 0, y: 0 });
    expect(canConnect(add.graph, a.nodeId, add.nodeId, 5)).toBeNull();
  });
});
