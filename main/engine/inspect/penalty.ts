import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Graph } from '../../../shared/graph/types';
import { isJsonObject, type JsonValue } from '../../../shared/json';

/** l1 and l2 factors of a Keras regularizer config ({class_name: 'L1' | 'L2' | 'L1L2', config}), or null. */
function factors(reg: JsonValue | undefined): { l1: number; l2: number } | null {
  if (!isJsonObject(reg)) return null;
  const config = reg['config'];
  if (!isJsonObject(config)) return null;
  const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : 0);
  return { l1: num(config['l1']), l2: num(config['l2']) };
}

/**
 * The weight penalties Keras adds to the loss it reports (kernel_regularizer, bias_regularizer:
 * l1·Σ|w| + l2·Σw² per weight), so evaluate's loss matches Keras's `model.evaluate` for the
 * chapter's L2-regularised net. Activity regularizers depend on the batch and are left out.
 */
export function regularizationPenalty(model: LayersModel, graph: Graph): number {
  let total = 0;
  for (const node of graph.nodes) {
    for (const [param, weightName] of [
      ['kernel_regularizer', 'kernel'],
      ['bias_regularizer', 'bias'],
    ] as const) {
      const f = factors(node.params[param]);
      if (f === null || (f.l1 === 0 && f.l2 === 0)) continue;
      let layer;
      try {
        layer = model.getLayer(node.name);
      } catch {
        continue;
      }
      const weight = layer.weights.find((w) => (w.originalName.split('/').pop() ?? '') === weightName);
      if (!weight) continue;
      const values = weight.read().dataSync();
      let abs = 0;
      let sq = 0;
      for (const v of values) {
        abs += Math.abs(v);
        sq += v * v;
      }
      total += f.l1 * abs + f.l2 * sq;
    }
  }
  return total;
}
