import type { Graph, GraphEdge, GraphNode, ModelClass } from './types';

/** Edges feeding `nodeId`, in input order (targetIndex). */
export function inputsOf(graph: Graph, nodeId: string): GraphEdge[] {
  return graph.edges.filter((e) => e.target === nodeId).sort((a, b) => a.targetIndex - b.targetIndex);
}

/** The model's InputLayer nodes, in node order. */
export function inputNodes(graph: Graph): GraphNode[] {
  return graph.nodes.filter((n) => n.kind === 'InputLayer');
}

/** The model's outputs: `graph.outputs` when given, else the nodes nothing consumes (node order). */
export function outputNodes(graph: Graph): GraphNode[] {
  const byId = nodeMap(graph);
  if (graph.outputs && graph.outputs.length > 0) {
    return graph.outputs.flatMap((id) => {
      const n = byId.get(id);
      return n ? [n] : [];
    });
  }
  const fed = new Set(graph.edges.map((e) => e.source));
  return graph.nodes.filter((n) => !fed.has(n.id));
}

export function nodeMap(graph: Graph): Map<string, GraphNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]));
}

/** Adjacency lists: per node id, incoming edges sorted by targetIndex and outgoing edges. */
export interface Adjacency {
  readonly incoming: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
}

export function adjacency(graph: Graph): Adjacency {
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const n of graph.nodes) {
    incoming.set(n.id, []);
    outgoing.set(n.id, []);
  }
  for (const e of graph.edges) {
    incoming.get(e.target)?.push(e);
    outgoing.get(e.source)?.push(e);
  }
  for (const list of incoming.values()) list.sort((a, b) => a.targetIndex - b.targetIndex);
  return { incoming, outgoing };
}

/**
 * Nodes so that every node comes after the nodes feeding it; among nodes that are ready at the
 * same time, creation order wins (so a chain drawn top to bottom keeps its order). Null on a cycle.
 */
export function topologicalOrder(graph: Graph): GraphNode[] | null {
  const adj = adjacency(graph);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const pending = new Map<string, number>();
  for (const n of graph.nodes) pending.set(n.id, (adj.incoming.get(n.id) ?? []).filter((e) => index.has(e.source)).length);
  // Ready nodes kept sorted by creation index; graphs are small enough for a sorted array.
  const ready: number[] = [];
  graph.nodes.forEach((n, i) => {
    if (pending.get(n.id) === 0) ready.push(i);
  });
  const order: GraphNode[] = [];
  while (ready.length > 0) {
    const i = ready.shift();
    if (i === undefined) break;
    const node = graph.nodes[i];
    if (!node) continue;
    order.push(node);
    for (const e of adj.outgoing.get(node.id) ?? []) {
      const left = (pending.get(e.target) ?? 0) - 1;
      pending.set(e.target, left);
      const t = index.get(e.target);
      if (left === 0 && t !== undefined) insertSorted(ready, t);
    }
  }
  return order.length === graph.nodes.length ? order : null;
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

/**
 * The ids along one cycle (each feeds the next, the last feeds the first), or null when acyclic.
 * Depth-first with an explicit stack: a valid 10,000-layer chain is 10,000 levels deep, far past
 * what recursion survives.
 */
export function findCycle(graph: Graph): string[] | null {
  const adj = adjacency(graph);
  const state = new Map<string, 1 | 2>(); // 1 = on the path, 2 = done
  const path: string[] = [];
  const frames: { id: string; next: number }[] = [];
  const enter = (id: string) => {
    state.set(id, 1);
    path.push(id);
    frames.push({ id, next: 0 });
  };
  for (const n of graph.nodes) {
    if (state.has(n.id)) continue;
    enter(n.id);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const out = adj.outgoing.get(frame.id) ?? [];
      const e = out[frame.next++];
      if (e === undefined) {
        frames.pop();
        path.pop();
        state.set(frame.id, 2);
        continue;
      }
      const s = state.get(e.target);
      if (s === 1) return path.slice(path.indexOf(e.target));
      if (s === undefined && adj.outgoing.has(e.target)) enter(e.target);
    }
  }
  return null;
}

/** Whether `to` can be reached from `from` along edges (a node reaches itself). */
export function reaches(graph: Graph, from: string, to: string): boolean {
  const adj = adjacency(graph);
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length > 0) {
    const id = todo.pop();
    if (id === undefined) break;
    if (id === to) return true;
    for (const e of adj.outgoing.get(id) ?? []) {
      if (!seen.has(e.target)) {
        seen.add(e.target);
        todo.push(e.target);
      }
    }
  }
  return false;
}

/** A graph Keras would build as Sequential: one InputLayer, then a single chain, no branches or merges. */
export function isSequentialChain(graph: Graph): boolean {
  return sequentialChain(graph) !== null;
}

/** The chain from the InputLayer to the last layer, or null when the graph is not a single chain. */
export function sequentialChain(graph: Graph): GraphNode[] | null {
  const inputs = inputNodes(graph);
  const first = inputs[0];
  if (inputs.length !== 1 || !first || graph.edges.length !== graph.nodes.length - 1) return null;
  const adj = adjacency(graph);
  const byId = nodeMap(graph);
  const chain: GraphNode[] = [first];
  const inChain = new Set<string>([first.id]);
  let current = first;
  for (;;) {
    const out = adj.outgoing.get(current.id) ?? [];
    if (out.length === 0) break;
    const edge = out[0];
    const next = edge ? byId.get(edge.target) : undefined;
    if (out.length > 1 || !edge || !next || edge.targetIndex !== 0) return null;
    if ((adj.incoming.get(next.id) ?? []).length !== 1 || inChain.has(next.id)) return null;
    chain.push(next);
    inChain.add(next.id);
    current = next;
  }
  return chain.length === graph.nodes.length ? chain : null;
}

/** How Keras builds this graph: the stored choice, else Sequential for a single chain. */
export function modelClassOf(graph: Graph): ModelClass {
  if (graph.modelClass === 'Functional') return 'Functional';
  return isSequentialChain(graph) ? 'Sequential' : 'Functional';
}
