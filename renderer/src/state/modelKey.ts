import type { Graph } from '../../../shared/graph/types';
import type { Inference } from '../../../shared/inference/types';
import { createStore, useStore } from './createStore';

/** A graph's identity for "are these the trained weights?": layers, params and wiring, not positions. */
export function modelKey(graph: Graph): string {
  return JSON.stringify([
    graph.nodes.map((n) => [n.id, n.kind, n.name, n.params]),
    graph.edges.map((e) => [e.source, e.target, e.targetIndex]),
    graph.outputs ?? null,
  ]);
}

/**
 * The model the engine holds trained weights for (after a run ended, stopped ones included). The
 * Train panel's run sets it; opening a project, Inspect and the inspector read it, so it lives in
 * state/, under all of them.
 */
export interface TrainedModel {
  readonly key: string;
  readonly runId: string;
  readonly testAccuracy: number | null;
  readonly endedAt: number;
  /** Layer name -> its weight shapes when the weights were made: a block that no longer matches starts fresh (the engine's rule). */
  readonly layers?: Readonly<Record<string, string>>;
}

/** Each layer with weights: its name and weight shapes, the identity the engine carries trained weights by. */
export function layerShapes(graph: Graph, inference: Inference): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of graph.nodes) {
    const weights = inference.nodes.get(n.id)?.weights ?? [];
    if (weights.length > 0) out[n.name] = JSON.stringify(weights.map((w) => w.shape));
  }
  return out;
}

export const trainedStore = createStore<TrainedModel | null>(null);

export function useTrained(): TrainedModel | null {
  return useStore(trainedStore, (s) => s);
}
