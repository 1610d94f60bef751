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

/**
 * The problems the app lists (Problems tab, its badge, the model inspector): every error and
 * warning except "the model is empty", which the empty canvas already answers with templates and
 * the lesson. One list for all three, so the badge never counts a problem the tab does not show.
 */
export function listedProblems(inference: Inference): Inference['diagnostics'] {
  return inference.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'empty-model');
}
