import type { Graph } from '../../../shared/graph/types';
import { inferGraph } from '../../../shared/inference/infer';
import { useGraph } from './useEditor';

type Inference = ReturnType<typeof inferGraph>;

// Inference runs once per graph value (graphs are immutable), however many components ask.
const cache = new WeakMap<Graph, Inference>();

export function inferenceOf(graph: Graph): Inference {
  const hit = cache.get(graph);
  if (hit !== undefined) return hit;
  const result = inferGraph(graph);
  cache.set(graph, result);
  return result;
}

export function useInference(): Inference {
  return inferenceOf(useGraph());
}
