import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import type { LayerWeights } from '../../../shared/modelfile/types';
import { kerasOrder } from './kerasLayout';

const shapeText = (s: readonly (number | null)[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/**
 * Sets a TF.js model's weights from the reader's per-layer weights (Keras's names and order):
 * TF.js's variables of each layer are sorted into Keras's order, then set by position, shapes
 * checked. All or nothing: on a mismatch no layer is changed and the message names the layer
 * and both shapes.
 */
export function setLayerWeights(model: LayersModel, weights: readonly LayerWeights[]): Outcome<void> {
  const updates: { layer: ReturnType<LayersModel['getLayer']>; values: tf.Tensor[] }[] = [];
  const fail = (message: string): Outcome<void> => {
    for (const u of updates) tf.dispose(u.values);
    return failure(message);
  };
  for (const entry of weights) {
    let layer;
    try {
      layer = model.getLayer(entry.layer);
    } catch {
      return fail(`The model has no layer '${entry.layer}' for the weights stored under that name.`);
    }
    const vars = layer.weights;
    if (vars.length !== entry.vars.length) {
      return fail(`Layer '${entry.layer}' has ${vars.length} weights but the file has ${entry.vars.length}.`);
    }
    const order = kerasOrder(vars.map((w) => w.originalName));
    const values = new Array<tf.Tensor>(vars.length);
    for (const [k, i] of order.entries()) {
      const w = vars[i];
      const v = entry.vars[k];
      if (w === undefined || v === undefined) continue;
      if (w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
        tf.dispose(values.filter((t) => t !== undefined));
        return fail(`Layer '${entry.layer}' weight ${v.name || w.name} has shape ${shapeText(w.shape)} in the model but ${shapeText(v.shape)} in the file.`);
      }
      values[i] = tf.tensor(v.data, [...v.shape], 'float32');
    }
    updates.push({ layer, values });
  }
  for (const u of updates) {
    u.layer.setWeights(u.values);
    tf.dispose(u.values);
  }
  return success(undefined);
}

/** The model's weights per layer in Keras's order (what the project's weights file and the reader use). */
export async function getLayerWeights(model: LayersModel): Promise<LayerWeights[]> {
  const out: LayerWeights[] = [];
  for (const layer of model.layers) {
    const vars = layer.weights;
    if (vars.length === 0) continue;
    const list = [];
    for (const i of kerasOrder(vars.map((w) => w.originalName))) {
      const w = vars[i];
      if (w === undefined) continue;
      const value = w.read();
      list.push({ name: w.originalName.split('/').pop() ?? w.originalName, shape: [...value.shape], data: Float32Array.from(await value.data()) });
    }
    out.push({ layer: layer.name, vars: list });
  }
  return out;
}
