import { adjacency, inputNodes, nodeMap, outputNodes } from './topology';
import type { Graph, GraphNode } from './types';

// Keras's own layer order lives apart from the general graph helpers: it reproduces one Keras
// function step by step and is checked against real Keras (kerasOrder.test.ts), while topology.ts
// is plain graph arithmetic.

/** Keras's functional graph map: `model.layers` order and each layer's depth. */
export interface KerasMap {
  readonly order: readonly GraphNode[];
  readonly depth: ReadonlyMap<string, number>;
}

/**
 * Reproduces keras/src/ops/function.py `map_graph`: a depth-first walk from the outputs (in
 * order) through each node's inputs (in order) numbers the layers as first seen and lists nodes
 * inputs-first; a layer's depth is one more than the deepest of its consumers; `model.layers`
 * is by decreasing depth, ties by that first-seen number. InputLayers no output depends on come
 * last at depth 0. Cycles are skipped (the inference reports them).
 */
export function kerasMap(graph: Graph): KerasMap {
  const adj = adjacency(graph);
  const byId = nodeMap(graph);
  const traversalIndex = new Map<string, number>();
  const finished = new Set<string>();
  const inProgress = new Set<string>();
  const postOrder: string[] = [];

  // Depth-first, inputs in order, with an explicit stack (deep chains overflow recursion).
  const walk = (root: string): void => {
    const frames: { id: string; next: number }[] = [];
    const enter = (id: string) => {
      if (finished.has(id) || inProgress.has(id)) return;
      if (!traversalIndex.has(id)) traversalIndex.set(id, traversalIndex.size);
      inProgress.add(id);
      frames.push({ id, next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const e = (adj.incoming.get(frame.id) ?? [])[frame.next++];
      if (e === undefined) {
        frames.pop();
        inProgress.delete(frame.id);
        finished.add(frame.id);
        postOrder.push(frame.id);
      } else if (byId.has(e.source)) {
        enter(e.source);
      }
    }
  };
  for (const out of outputNodes(graph)) walk(out.id);

  const depth = new Map<string, number>();
  const inserted: string[] = [];
  for (let i = postOrder.length - 1; i >= 0; i--) {
    const id = postOrder[i];
    if (id === undefined) continue;
    if (!depth.has(id)) depth.set(id, 0);
    inserted.push(id);
    const d = depth.get(id) ?? 0;
    for (const e of adj.incoming.get(id) ?? []) {
      if (!finished.has(e.source)) continue;
      depth.set(e.source, Math.max(d + 1, depth.get(e.source) ?? 0));
    }
  }
  for (const input of inputNodes(graph)) {
    if (!depth.has(input.id)) {
      depth.set(input.id, 0);
      traversalIndex.set(input.id, -1);
      inserted.push(input.id);
    }
  }
  const order = inserted
    .slice()
    .sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || (traversalIndex.get(a) ?? 0) - (traversalIndex.get(b) ?? 0))
    .flatMap((id) => {
      const n = byId.get(id);
      return n ? [n] : [];
    });
  return { order, depth };
}

/** Exactly Keras 3's `model.layers` order for a functional model built from this graph. */
export function kerasLayerOrder(graph: Graph): GraphNode[] {
  return [...kerasMap(graph).order];
}
