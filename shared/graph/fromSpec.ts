import type { Graph, GraphEdge, GraphNode, ModelClass, Params } from './types';

/** One layer in a compact model description: its inputs are the names of earlier layers, in order. */
export interface LayerSpec {
  readonly name: string;
  readonly kind: string;
  readonly params?: Params;
  readonly inputs?: readonly string[];
}

/**
 * Builds a graph from a compact list of layers (ids = names, positions stacked top to bottom).
 * Handy for tests and code-built models; inputs may name any layer in the list.
 */
export function buildGraph(name: string, layers: readonly LayerSpec[], opts: { modelClass?: ModelClass; outputs?: readonly string[] } = {}): Graph {
  const nodes: GraphNode[] = layers.map((l, i) => ({
    id: l.name,
    kind: l.kind,
    name: l.name,
    params: l.params ?? {},
    position: { x: 0, y: i * 80 },
  }));
  const edges: GraphEdge[] = layers.flatMap((l) =>
    (l.inputs ?? []).map((source, targetIndex) => ({ id: `${source}->${l.name}:${targetIndex}`, source, target: l.name, targetIndex })),
  );
  return {
    name,
    nodes,
    edges,
    ...(opts.outputs ? { outputs: opts.outputs } : {}),
    ...(opts.modelClass ? { modelClass: opts.modelClass } : {}),
  };
}

/** A chain: each layer feeds the next. */
export function buildChain(name: string, layers: readonly Omit<LayerSpec, 'inputs'>[], opts: { modelClass?: ModelClass } = {}): Graph {
  return buildGraph(
    name,
    layers.map((l, i) => {
      const prev = layers[i - 1];
      return prev ? { ...l, inputs: [prev.name] } : l;
    }),
    opts,
  );
}
