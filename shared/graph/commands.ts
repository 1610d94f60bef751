import { failure, success, type Outcome } from '../api/outcome';
import type { JsonValue } from '../json';
import { getLayerDef } from '../layers/registry';
import { withDefaults } from '../layers/validateParam';
import { canConnect, freeInputIndex } from './connections';
import { uniqueLayerName, uniqueName } from './naming';
import type { Graph, GraphEdge, GraphNode, Params, Position } from './types';

/*
 * Pure edit commands: each takes a graph and returns a new one (the input is never mutated),
 * so the editor's undo/redo is a stack of graphs.
 */

/** Keras defaults for a class's parameters (the catalog's), overridden by `params`. */
export function defaultParamsFor(kind: string, params: Params = {}): Params {
  const def = getLayerDef(kind);
  return def ? withDefaults(def, params) : { ...params };
}

function highestIdNumber(taken: Iterable<string>, prefix: string): number {
  let highest = 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m?.[1]) highest = Math.max(highest, Number(m[1]));
  }
  return highest;
}

/** A fresh id: one more than the highest `n<number>` id in the graph. */
export function nextId(taken: Iterable<string>, prefix = 'n'): string {
  return `${prefix}${highestIdNumber(taken, prefix) + 1}`;
}

/** Successive fresh ids (what calling nextId after each insertion gives, with one scan). */
function idSequence(taken: Iterable<string>, prefix: string): () => string {
  let highest = highestIdNumber(taken, prefix);
  return () => `${prefix}${++highest}`;
}

export function addNode(
  graph: Graph,
  kind: string,
  position: Position,
  opts: { name?: string; params?: Params; id?: string } = {},
): { graph: Graph; nodeId: string } {
  const id = opts.id ?? nextId(graph.nodes.map((n) => n.id));
  if (graph.nodes.some((n) => n.id === id)) throw new Error(`addNode: id ${id} is already in the graph`);
  const name = opts.name ?? uniqueLayerName(graph, kind);
  const node: GraphNode = { id, kind, name, params: defaultParamsFor(kind, opts.params), position };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, nodeId: id };
}

export function removeNodes(graph: Graph, ids: readonly string[]): Graph {
  const gone = new Set(ids);
  const outputs = graph.outputs?.filter((id) => !gone.has(id));
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    ...(outputs ? { outputs } : {}),
  };
}

/** Wires `source` into input `targetIndex` of `target` (the first free input when omitted). */
export function connect(graph: Graph, source: string, target: string, targetIndex?: number): Outcome<Graph> {
  const index = targetIndex ?? freeInputIndex(graph, target);
  const reason = canConnect(graph, source, target, index);
  if (reason !== null) return failure(reason);
  const edge: GraphEdge = {
    id: nextId(
      graph.edges.map((e) => e.id),
      'e',
    ),
    source,
    target,
    targetIndex: index,
  };
  return success({ ...graph, edges: [...graph.edges, edge] });
}

export function disconnect(graph: Graph, edgeId: string): Graph {
  return { ...graph, edges: graph.edges.filter((e) => e.id !== edgeId) };
}

function updateNode(graph: Graph, nodeId: string, update: (n: GraphNode) => GraphNode): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? update(n) : n)) };
}

export function setParam(graph: Graph, nodeId: string, key: string, value: JsonValue): Graph {
  return updateNode(graph, nodeId, (n) => ({ ...n, params: { ...n.params, [key]: value } }));
}

/** Renames a layer; clashes are allowed here and reported by the inference as 'duplicate-name'. */
export function renameNode(graph: Graph, nodeId: string, name: string): Graph {
  return updateNode(graph, nodeId, (n) => ({ ...n, name }));
}

export function moveNodes(graph: Graph, moves: readonly { id: string; position: Position }[]): Graph {
  const to = new Map(moves.map((m) => [m.id, m.position]));
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = to.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
}

/** Which nodes and wires a copy of `ids` takes: the nodes and the wires between them. */
export function copyFragment(graph: Graph, ids: readonly string[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const picked = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => picked.has(n.id)),
    edges: graph.edges.filter((e) => picked.has(e.source) && picked.has(e.target)),
  };
}

/** Name for a copy: the same name when free, else the next number of its stem ('conv2d_1' -> 'conv2d_2'). */
function copyName(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  const stem = /^(.+)_\d+$/.exec(name)?.[1] ?? name;
  return uniqueName(taken, stem);
}

/**
 * Inserts a copied group with fresh ids and unique names, shifted by `offset`; wires between
 * the copied nodes come along, wires to the outside do not.
 */
export function pasteGroup(
  graph: Graph,
  fragment: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] },
  offset: Position,
): { graph: Graph; nodeIds: string[] } {
  const freshNodeId = idSequence(
    graph.nodes.map((n) => n.id),
    'n',
  );
  const names = new Set(graph.nodes.map((n) => n.name));
  const newId = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const n of fragment.nodes) {
    const id = freshNodeId();
    newId.set(n.id, id);
    const name = copyName(names, n.name);
    names.add(name);
    nodes.push({ ...n, id, name, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
  }
  const freshEdgeId = idSequence(
    graph.edges.map((e) => e.id),
    'e',
  );
  const edges: GraphEdge[] = [];
  for (const e of fragment.edges) {
    const source = newId.get(e.source);
    const target = newId.get(e.target);
    if (source === undefined || target === undefined) continue;
    edges.push({ id: freshEdgeId(), source, target, targetIndex: e.targetIndex });
  }
  return {
    graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}

export function duplicateNodes(graph: Graph, ids: readonly string[], offset: Position): Graph {
  return pasteGroup(graph, copyFragment(graph, ids), offset).graph;
}
