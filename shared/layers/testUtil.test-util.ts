import type { Params, Shape } from '../graph/types';
import { getLayerDef } from './registry';
import type { LayerDef } from './types';
import { withDefaults } from './validateParam';

export function def(className: string): LayerDef {
  const d = getLayerDef(className);
  if (d === undefined) throw new Error(`unknown layer ${className}`);
  return d;
}

/** Output shape (or issue code), trainable and non-trainable counts for one layer. */
export function run(className: string, inputs: Shape[], params: Params) {
  const d = def(className);
  const p = withDefaults(d, params);
  const out = d.outputShape(inputs, p);
  const weights = d.weights(inputs, p);
  const count = (trainable: boolean) => weights.filter((w) => w.trainable === trainable).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const issues = d.check?.(inputs, p) ?? [];
  return { shape: out.ok ? out.value : out.error.code, trainable: count(true), nonTrainable: count(false), issues, out };
}
