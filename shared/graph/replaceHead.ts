import { failure, success, type Outcome } from '../api/outcome';
import { inferGraph } from '../inference/infer';
import { addNode, connect } from './commands';
import type { Graph, GraphNode } from './types';

/** The graph with its new head, how many kept layers were frozen, and the new head's block ids. */
export interface NewHead {
  readonly graph: Graph;
  readonly frozen: number;
  readonly head: readonly string[];
}

/** Every block `id` depends on, itself included (walking the wires upstream, iteratively). */
function upstream(graph: Graph, id: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of graph.edges) into.set(e.target, [...(into.get(e.target) ?? []), e.source]);
  const keep = new Set<string>([id]);
  const stack = [id];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const s of into.get(next) ?? []) {
      if (!keep.has(s)) {
        keep.add(s);
        stack.push(s);
      }
    }
  }
  return keep;
}

/**
 * The chapter's transfer-learning step, "replace the head": keep the layer `nodeId` and
 * everything it depends on, cut everything after it, add GlobalAveragePooling2D (when its output
 * is a feature map; Flatten with `pooling: 'flatten'`) and Dense(`classes`, softmax), and freeze
 * every kept layer (trainable: false) so only the new head trains. The trained weights of the
 * kept layers stay usable: their names and shapes do not change.
 */
export function replaceHead(graph: Graph, nodeId: string, classes: number, pooling: 'gap' | 'flatten' = 'gap'): Outcome<NewHead> {
  const base = graph.nodes.find((n) => n.id === nodeId);
  if (base === undefined) return failure('Pick the block the new head should sit on.');
  if (!Number.isSafeInteger(classes) || classes < 2) return failure(`A classifier needs at least 2 classes (got ${classes}).`);
  const inference = inferGraph(graph);
  const info = inference.nodes.get(nodeId);
  const shape = info?.outputShape;
  if (shape == null) return failure(`${base.kind} '${base.name}' has no known output shape yet; fix the problems above it first.`);
  const keep = upstream(graph, nodeId);
  const frozenNodes: GraphNode[] = graph.nodes
    .filter((n) => keep.has(n.id))
    .map((n) => (n.kind === 'InputLayer' || (inference.nodes.get(n.id)?.weights.length ?? 0) === 0 ? n : { ...n, params: { ...n.params, trainable: false } }));
  let g: Graph = {
    name: graph.name,
    nodes: frozenNodes,
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    ...(graph.modelClass ? { modelClass: graph.modelClass } : {}),
  };
  const at = { x: base.position.x, y: base.position.y };
  const head: string[] = [];
  let last = nodeId;
  if (shape.length > 2) {
    const pool = addNode(g, pooling === 'gap' ? 'GlobalAveragePooling2D' : 'Flatten', { x: at.x, y: at.y + 110 });
    const wired = connect(pool.graph, last, pool.nodeId, 0);
    if (!wired.ok) return wired;
    g = wired.value;
    last = pool.nodeId;
    head.push(pool.nodeId);
  }
  const dense = addNode(g, 'Dense', { x: at.x, y: at.y + 110 * (head.length + 1) }, { params: { units: classes, activation: 'softmax' } });
  const wired = connect(dense.graph, last, dense.nodeId, 0);
  if (!wired.ok) return wired;
  g = wired.value;
  head.push(dense.nodeId);
  return success({ graph: g, frozen: frozenNodes.filter((n) => n.params['trainable'] === false).length, head });
}
