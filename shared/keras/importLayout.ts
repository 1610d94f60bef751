import { topologicalOrder, inputsOf } from '../graph/topology';
import type { Graph, GraphNode } from '../graph/types';

const rowHeight = 110;
const columnWidth = 240;

/**
 * Positions for an imported graph: top to bottom by depth (longest path from an input),
 * nodes of the same depth side by side, centred.
 */
export function layoutImported(graph: Graph): Graph {
  const order = topologicalOrder(graph) ?? [...graph.nodes];
  const depth = new Map<string, number>();
  for (const node of order) {
    const d = inputsOf(graph, node.id).reduce((max, e) => Math.max(max, (depth.get(e.source) ?? -1) + 1), 0);
    depth.set(node.id, d);
  }
  const rows = new Map<number, GraphNode[]>();
  for (const node of order) {
    const d = depth.get(node.id) ?? 0;
    rows.set(d, [...(rows.get(d) ?? []), node]);
  }
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, row] of rows) {
    row.forEach((node, i) => position.set(node.id, { x: (i - (row.length - 1) / 2) * columnWidth, y: d * rowHeight }));
  }
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: position.get(n.id) ?? n.position })) };
}
