import { failure, success, type Outcome } from '../api/outcome';
import { variableBaseName } from './types';

/**
 * An HDF5 file's structure as the IO side lists it (no data yet): the reader decides here, purely,
 * which layout the file has and which datasets hold which layer's weights, then the IO side reads
 * just those, within the size budget. Optimizer state in a `.keras` is never read.
 */
export type H5Attr = string | number | readonly string[] | readonly number[] | null;

export interface H5DatasetInfo {
  readonly kind: 'dataset';
  readonly path: string;
  readonly shape: readonly number[];
  /** h5wasm's dtype string ('<f', '<d', '<i8', …); only float data is weights. */
  readonly dtype: string;
}

export interface H5GroupInfo {
  readonly kind: 'group';
  readonly path: string;
  readonly attrs: ReadonlyMap<string, H5Attr>;
  readonly children: ReadonlyMap<string, H5GroupInfo | H5DatasetInfo>;
}

/** A layer's datasets, in Keras's variable order. */
export interface LayerPlan {
  readonly layer: string;
  readonly vars: readonly { readonly name: string; readonly dataset: H5DatasetInfo }[];
}

export type H5Layout =
  | { readonly kind: 'keras3-weights' }
  | { readonly kind: 'legacy-model'; readonly modelConfig: string; readonly weights: H5GroupInfo | null }
  | { readonly kind: 'legacy-weights'; readonly weights: H5GroupInfo };

/** Which datasets to read for which layer, and what to tell the user. */
export interface WeightsPlan {
  readonly layers: readonly LayerPlan[];
  readonly warnings: readonly string[];
}

function group(node: H5GroupInfo | H5DatasetInfo | undefined): H5GroupInfo | null {
  return node?.kind === 'group' ? node : null;
}

function strings(attr: H5Attr | undefined): string[] | null {
  if (attr === undefined || attr === null) return null;
  if (typeof attr === 'string') return [attr];
  if (typeof attr === 'number') return null;
  return attr.every((v): v is string => typeof v === 'string') ? [...attr] : attr.length === 0 ? [] : null;
}

/** Which Keras HDF5 layout the root has; null when it is none of them. */
export function h5Layout(root: H5GroupInfo): H5Layout | null {
  const config = root.attrs.get('model_config');
  if (typeof config === 'string') return { kind: 'legacy-model', modelConfig: config, weights: group(root.children.get('model_weights')) };
  if (strings(root.attrs.get('layer_names')) !== null) return { kind: 'legacy-weights', weights: root };
  if (group(root.children.get('layers')) !== null) return { kind: 'keras3-weights' };
  return null;
}

/**
 * Keras 3 saving_lib layout: `layers/<slot>/vars/<0..n-1>`; `slots` maps each slot (class-derived,
 * 'conv2d', 'conv2d_1', …) to the layer it belongs to in the model the file is read for.
 */
export function planKeras3Weights(root: H5GroupInfo, slots: ReadonlyMap<string, string>): Outcome<WeightsPlan> {
  const layersGroup = group(root.children.get('layers'));
  if (layersGroup === null) return failure("the weights file has no 'layers' group (not written by Keras 3)");
  const plans: LayerPlan[] = [];
  for (const [slot, node] of layersGroup.children) {
    const vars = group(group(node)?.children.get('vars'));
    if (vars === null) continue;
    const list = [...vars.children.entries()]
      .filter((e): e is [string, H5DatasetInfo] => /^\d+$/.test(e[0]) && e[1].kind === 'dataset')
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([, dataset]) => ({ name: '', dataset }));
    if (list.length === 0) continue;
    // A group the model has no layer for keeps its path as the name, so matchWeights lists it as extra.
    plans.push({ layer: slots.get(slot) ?? `layers/${slot}`, vars: list });
  }
  return success({ layers: plans, warnings: [] });
}

/**
 * Legacy (tf.keras 2 / Keras 3 `save('x.h5')`) layout: attribute `layer_names`, one group per
 * layer name whose `weight_names` attribute lists its datasets in Keras's order. Matched by layer
 * name, as Keras's `load_weights(by_name)` and its legacy loader do.
 */
export function planLegacyWeights(weights: H5GroupInfo): Outcome<WeightsPlan> {
  const names = strings(weights.attrs.get('layer_names'));
  if (names === null) return failure("the HDF5 weights have no 'layer_names' attribute");
  const plans: LayerPlan[] = [];
  for (const layer of names) {
    const g = group(weights.children.get(layer));
    if (g === null) return failure(`the HDF5 file lists layer '${layer}' but has no group for it`);
    const weightNames = strings(g.attrs.get('weight_names')) ?? [];
    const vars: { name: string; dataset: H5DatasetInfo }[] = [];
    for (const w of weightNames) {
      const dataset = findDataset(g, w);
      if (dataset === null) return failure(`layer '${layer}' lists weight '${w}' but the file has no such dataset`);
      vars.push({ name: variableBaseName(w), dataset });
    }
    if (vars.length > 0) plans.push({ layer, vars });
  }
  return success({ layers: plans, warnings: [] });
}

/** `weight_names` are paths below the layer's group ('trained_bn/conv2d_1/kernel', or 'conv2d/kernel:0' from tf.keras). */
function findDataset(g: H5GroupInfo, path: string): H5DatasetInfo | null {
  let node: H5GroupInfo | H5DatasetInfo | undefined = g;
  for (const part of path.split('/')) {
    if (node?.kind !== 'group') return null;
    node = node.children.get(part);
  }
  return node?.kind === 'dataset' ? node : null;
}
