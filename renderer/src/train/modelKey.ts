import type { Graph } from '../../../shared/graph/types';
import { createStore, useStore } from '../state/createStore';

/** A graph's identity for "are these the trained weights?": layers, params and wiring, not positions. */
export function modelKey(graph: Graph): string {
  return JSON.stringify([
    graph.nodes.map((n) => [n.id, n.kind, n.name, n.params]),
    graph.edges.map((e) => [e.source, e.target, e.targetIndex]),
    graph.outputs ?? null,
  ]);
}

/** The model the engine holds trained weights for (after a run ended, stopped ones included). */
export interface TrainedModel {
  readonly key: string;
  readonly runId: string;
  readonly testAccuracy: number | null;
  readonly endedAt: number;
}

export const trainedStore = createStore<TrainedModel | null>(null);

export function useTrained(): TrainedModel | null {
  return useStore(trainedStore, (s) => s);
}
