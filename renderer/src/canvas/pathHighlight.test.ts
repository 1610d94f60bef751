import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { pathThrough } from './pathHighlight';

const node = (id: string) => ({ id, kind: 'Dense', name: id, params: {}, position: { x: 0, y: 0 } });
const edge = (id: string, source: string, target: string, targetIndex = 0) => ({ id, source, target, targetIndex });

// a -> b -> d, a -> c -> d (diamond), plus an unrelated e -> f
const graph: Graph = {
  name: 'g',
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map(node),
  edges: [edge('ab', 'a', 'b'), edge('ac', 'a', 'c'), edge('bd', 'b', 'd'), edge('cd', 'c', 'd', 1), edge('ef', 'e', 'f')],
};

describe('pathThrough', () => {
  it.each([
    { selected: ['b'], nodes: ['a', 'b', 'd'], edges: ['ab', 'bd'] },
    { selected: ['a'], nodes: ['a', 'b', 'c', 'd'], edges: ['ab', 'ac', 'bd', 'cd'] },
    { selected: ['f'], nodes: ['e', 'f'], edges: ['ef'] },
    { selected: [], nodes: [], edges: [] },
  ])('selected $selected', ({ selected, nodes, edges }) => {
    const p = pathThrough(graph, selected);
    expect([...p.nodes].sort()).toEqual(nodes);
    expect([...p.edges].sort()).toEqual(edges);
  });
});
