import { blockLabel } from '../format';
import { getLayerDef } from '../layers/registry';
import { nodeMap, reaches } from './topology';
import type { Graph, GraphNode } from './types';

/** How many inputs a block takes; unknown classes are not limited here (the inference names them). */
export function inputArity(node: GraphNode): { min: number; max: number } {
  if (node.kind === 'InputLayer') return { min: 0, max: 0 };
  const def = getLayerDef(node.kind);
  return def ? def.inputs : { min: 1, max: Number.POSITIVE_INFINITY };
}

/** The lowest input index of `target` that nothing feeds yet. */
export function freeInputIndex(graph: Graph, target: string): number {
  const used = new Set(graph.edges.filter((e) => e.target === target).map((e) => e.targetIndex));
  let i = 0;
  while (used.has(i)) i++;
  return i;
}

/**
 * Connection rule for the editor (like xyflow's isValidConnection): null when the wire
 * `source -> target` (into input `targetIndex`) is allowed, else a sentence saying why not.
 */
export function canConnect(graph: Graph, source: string, target: string, targetIndex = freeInputIndex(graph, target)): string | null {
  const byId = nodeMap(graph);
  const from = byId.get(source);
  const to = byId.get(target);
  if (!from || !to) return 'That block no longer exists.';
  if (source === target) return `${blockLabel(to)} cannot feed itself.`;
  const arity = inputArity(to);
  if (arity.max === 0) return `${blockLabel(to)} takes no input; it is where the model starts.`;
  if (reaches(graph, target, source)) {
    return `Connecting '${from.name}' to '${to.name}' would make a cycle: '${to.name}' already feeds '${from.name}'.`;
  }
  if (!Number.isInteger(targetIndex) || targetIndex < 0) return `${blockLabel(to)} has no input ${targetIndex}.`;
  if (targetIndex >= arity.max) {
    return arity.max === 1
      ? `${blockLabel(to)} takes only one input and it is already fed; remove that wire first or add a merge block (Add, Concatenate).`
      : `${blockLabel(to)} takes at most ${arity.max} inputs.`;
  }
  const taken = graph.edges.find((e) => e.target === target && e.targetIndex === targetIndex);
  if (taken) {
    const feeder = byId.get(taken.source);
    const by = feeder ? ` by '${feeder.name}'` : '';
    return `Input ${targetIndex} of ${blockLabel(to)} is already fed${by}; remove that wire first.`;
  }
  return null;
}
