import type { Shape } from '../graph/types';
import { kerasMap } from '../graph/kerasOrder';
import { adjacency, modelClassOf, sequentialChain } from '../graph/topology';
import type { Graph, GraphNode } from '../graph/types';
import { inferGraph, type InferOptions, type Inference } from '../inference/infer';

export interface SummaryLayer {
  readonly name: string;
  readonly class: string;
  readonly output_shape: Shape | null;
  readonly params: number;
}

/** What `blockprop summary --json` prints: Keras's model.summary() as data. */
export interface SummaryJson {
  readonly name: string;
  readonly layers: readonly SummaryLayer[];
  readonly total_params: number;
  readonly trainable_params: number;
  readonly non_trainable_params: number;
}

export interface SummaryRow {
  readonly node: GraphNode;
  readonly outputShape: Shape | null;
  readonly params: number;
  /** Keras's "Connected to": `conv2d[0][0]` per input, in input order. */
  readonly connectedTo: readonly string[];
}

export interface SummaryModel {
  readonly name: string;
  readonly modelClass: 'Sequential' | 'Functional';
  /** Keras prints functional models without "Connected to" when they are a plain chain. */
  readonly sequentialLike: boolean;
  readonly rows: readonly SummaryRow[];
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly inference: Inference;
}

export interface SummaryOptions extends InferOptions {
  /** The graph's inference when the caller already has it (the editor caches one per graph). */
  readonly inference?: Inference;
}

/**
 * The layers Keras lists in `model.layers` and `model.summary()`, with their shapes and counts:
 * Sequential models without the InputLayer, functional ones with their InputLayers in map_graph order.
 */
export function summaryModel(graph: Graph, opts: SummaryOptions = {}): SummaryModel {
  const inference = opts.inference ?? inferGraph(graph, opts);
  const modelClass = modelClassOf(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  let nodes: readonly GraphNode[];
  let sequentialLike = true;
  if (modelClass === 'Sequential') {
    nodes = (sequentialChain(graph) ?? []).filter((n) => n.kind !== 'InputLayer');
  } else {
    const map = kerasMap(graph);
    nodes = map.order;
    const perDepth = new Map<number, number>();
    for (const n of nodes) {
      const d = map.depth.get(n.id) ?? 0;
      perDepth.set(d, (perDepth.get(d) ?? 0) + 1);
    }
    const fed = new Map<string, number>();
    for (const e of graph.edges) fed.set(e.target, (fed.get(e.target) ?? 0) + 1);
    const multiInput = [...fed.values()].some((c) => c > 1);
    sequentialLike = !multiInput && [...perDepth.values()].every((c) => c === 1);
  }
  const inModel = new Set(nodes.map((n) => n.id));
  const adj = adjacency(graph);
  let trainable = 0;
  let nonTrainable = 0;
  const rows = nodes.map((node) => {
    const info = inference.nodes.get(node.id);
    trainable += info?.params.trainable ?? 0;
    nonTrainable += info?.params.nonTrainable ?? 0;
    const connectedTo = (adj.incoming.get(node.id) ?? []).filter((e) => inModel.has(e.source)).map((e) => `${byId.get(e.source)?.name ?? e.source}[0][0]`);
    return {
      node,
      outputShape: info?.outputShape ?? null,
      params: (info?.params.trainable ?? 0) + (info?.params.nonTrainable ?? 0),
      connectedTo,
    };
  });
  return { name: graph.name, modelClass, sequentialLike, rows, trainable, nonTrainable, inference };
}

export function summaryJson(graph: Graph, opts: InferOptions = {}): SummaryJson {
  const model = summaryModel(graph, opts);
  return {
    name: model.name,
    layers: model.rows.map((r) => ({ name: r.node.name, class: r.node.kind, output_shape: r.outputShape, params: r.params })),
    total_params: model.trainable + model.nonTrainable,
    trainable_params: model.trainable,
    non_trainable_params: model.nonTrainable,
  };
}
