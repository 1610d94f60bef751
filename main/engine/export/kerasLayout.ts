import { kerasBaseName } from '../../../shared/graph/naming';
import { isJsonObject, type JsonObject } from '../../../shared/json';

/** A layer as Keras 3's saving_lib addresses it. */
export interface KerasLayerSlot {
  readonly layerName: string;
  readonly className: string;
  /** `layers/<group>` in the weights file. */
  readonly group: string;
}

/**
 * The weight groups Keras 3 reads for a model JSON (model.to_json()/config.json): `model.layers`
 * in order — for a Sequential without its InputLayer — each addressed by its class name in
 * snake case, made unique by a counter ('conv2d', 'conv2d_1', …), never by the layer's own name
 * (saving_lib._save_container_state).
 */
export function kerasLayerSlots(model: JsonObject): KerasLayerSlot[] {
  const config = model['config'];
  const list = isJsonObject(config) ? config['layers'] : undefined;
  if (!Array.isArray(list)) return [];
  const sequential = model['class_name'] === 'Sequential';
  const used = new Map<string, number>();
  const slots: KerasLayerSlot[] = [];
  for (const entry of list) {
    if (!isJsonObject(entry)) continue;
    const className = typeof entry['class_name'] === 'string' ? entry['class_name'] : '';
    const layerConfig = entry['config'];
    const layerName = isJsonObject(layerConfig) && typeof layerConfig['name'] === 'string' ? layerConfig['name'] : '';
    if (sequential && className === 'InputLayer') continue;
    const base = kerasBaseName(className);
    const seen = used.get(base);
    used.set(base, seen === undefined ? 0 : seen + 1);
    slots.push({ layerName, className, group: seen === undefined ? base : `${base}_${seen + 1}` });
  }
  return slots;
}

/**
 * Keras's variable order within a layer (creation order in build(), trainable before
 * non-trainable): kernel / depthwise_kernel, pointwise_kernel, bias, then normalisation's gamma,
 * beta, moving_mean, moving_variance. TF.js creates the same variables under the same names.
 */
const ORDER = ['kernel', 'depthwise_kernel', 'pointwise_kernel', 'bias', 'gamma', 'beta', 'moving_mean', 'moving_variance'];

/** The variable's own name from a TF.js weight name: 'conv2d_1/kernel' -> 'kernel'. */
export function variableBaseName(name: string): string {
  return (name.split('/').pop() ?? name).replace(/:\d+$/, '');
}

/** Positions of `names` (TF.js order) sorted into Keras order; unknown names keep their place at the end. */
export function kerasOrder(names: readonly string[]): number[] {
  const rank = (n: string) => {
    const i = ORDER.indexOf(variableBaseName(n));
    return i < 0 ? ORDER.length : i;
  };
  return names
    .map((n, i) => ({ i, r: rank(n) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.i);
}
