import { failure, success, type Outcome } from '../api/outcome';
import type { Graph } from '../graph/types';
import { inferGraph } from '../inference/infer';
import type { Inference } from '../inference/types';
import type { LayerWeights } from './types';

/** The file's weights in the graph's layer order, with Keras's variable names, and what to tell the user. */
export interface MatchedWeights {
  readonly weights: readonly LayerWeights[];
  readonly warnings: readonly string[];
}

const shapeText = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/** At most `n` names, then "and k more": a list in one readable line. */
function listed(names: readonly string[], n = 12): string {
  return names.length <= n ? names.join(', ') : `${names.slice(0, n).join(', ')} and ${names.length - n} more`;
}

/**
 * Checks a file's weights against the model they are for, layer by layer in Keras's variable
 * order: every layer with weights must have its entry, with as many variables of exactly the
 * shapes Keras builds; entries for other layers are errors too. Nothing is silently dropped.
 * Returns the weights in the graph's layer order.
 */
export function matchWeights(graph: Graph, weights: readonly LayerWeights[], inference: Inference = inferGraph(graph)): Outcome<MatchedWeights> {
  const byLayer = new Map<string, LayerWeights>();
  for (const w of weights) byLayer.set(w.layer, w);
  const missing: string[] = [];
  const wrong: string[] = [];
  const out: LayerWeights[] = [];
  const used = new Set<string>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    const specs = info?.weights ?? [];
    const entry = byLayer.get(node.name);
    if (entry !== undefined) used.add(node.name);
    if (specs.length === 0) {
      if (entry !== undefined && entry.vars.length > 0 && info?.outputShape !== null && info !== undefined) {
        wrong.push(`${node.kind} '${node.name}' has no weights in the model but ${entry.vars.length} in the file`);
      }
      continue;
    }
    if (entry === undefined || entry.vars.length === 0) {
      missing.push(`'${node.name}' (${node.kind})`);
      continue;
    }
    if (entry.vars.length !== specs.length) {
      wrong.push(`${node.kind} '${node.name}' has ${specs.length} weights (${specs.map((s) => s.name).join(', ')}) but the file has ${entry.vars.length}`);
      continue;
    }
    let fits = true;
    specs.forEach((spec, i) => {
      const v = entry.vars[i];
      if (v === undefined) return;
      const same = v.shape.length === spec.shape.length && v.shape.every((d, j) => d === spec.shape[j]);
      if (!same) {
        fits = false;
        wrong.push(`${node.kind} '${node.name}' ${spec.name} has shape ${shapeText(spec.shape)} in the model but ${shapeText(v.shape)} in the file`);
      }
    });
    if (fits) out.push({ layer: node.name, vars: entry.vars.map((v, i) => ({ ...v, name: specs[i]?.name ?? v.name })) });
  }
  const extra = weights.filter((w) => !used.has(w.layer) && w.vars.length > 0).map((w) => `'${w.layer}'`);
  const problems: string[] = [];
  if (wrong.length > 0) problems.push(listed(wrong, 6));
  if (missing.length > 0) problems.push(`no weights for ${missing.length === 1 ? 'layer' : 'layers'} ${listed(missing)}`);
  if (extra.length > 0) problems.push(`weights for ${extra.length === 1 ? 'a layer' : 'layers'} the model does not have: ${listed(extra)}`);
  if (problems.length > 0) return failure(`the weights do not fit the model: ${problems.join('; ')}.`);
  return success({ weights: out, warnings: [] });
}
