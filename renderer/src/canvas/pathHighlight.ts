import type { Graph } from '../../../shared/graph/types';

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
  const nodes = new Set<string>(selected);
  const edges = new Set<string>();
  const walk = (direction: 'up' | 'down') => {
    const stack = [...selected];
    const seen = new Set<string>(selected);
    while (stack.length > 0) {
      const id = stack.pop();
      for (const e of graph.edges) {
        const from = direction === 'up' ? e.target : e.source;
        const to = direction === 'up' ? e.source : e.target;
        if (from !== id) continue;
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
