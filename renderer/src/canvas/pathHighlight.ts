import type { Graph, GraphEdge } from '../../../shared/graph/types';

export interface PathSets {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export const emptyPath: PathSets = { nodes: new Set(), edges: new Set() };

/**
 * Everything upstream and downstream of the selected blocks: what feeds them and what they feed.
 * The canvas tints this path faintly so a learner sees where a tensor comes from and goes.
 */
export function pathThrough(graph: Graph, selected: readonly string[]): PathSets {
  if (selected.length === 0) return emptyPath;
  // Wires by the block they leave and the block they enter, so each walk step reads only its own wires.
  const bySource = new Map<string, GraphEdge[]>();
  const byTarget = new Map<string, GraphEdge[]>();
  const add = (index: Map<string, GraphEdge[]>, key: string, e: GraphEdge) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  for (const e of graph.edges) {
    add(bySource, e.source, e);
    add(byTarget, e.target, e);
  }
  const nodes = new Set<string>(selected);
  const edges = new Set<string>();
  const walk = (direction: 'up' | 'down') => {
    const stack = [...selected];
    const seen = new Set<string>(selected);
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined) break;
      const wires = (direction === 'up' ? byTarget : bySource).get(id) ?? [];
      for (const e of wires) {
        const to = direction === 'up' ? e.source : e.target;
        edges.add(e.id);
        nodes.add(to);
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
  };
  walk('up');
  walk('down');
  return { nodes, edges };
}
