import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { isJsonObject, type JsonObject } from '../../../shared/json';
import type { H5LayerEntry, H5Weights } from './h5';
import { kerasLayerSlots, kerasOrder } from './kerasLayout';

export type WeightsResult = { readonly ok: true; readonly weights: H5Weights } | { readonly ok: false; readonly message: string };

function modelName(json: JsonObject): string {
  const config = json['config'];
  const name = isJsonObject(config) ? config['name'] : undefined;
  return typeof name === 'string' ? name : 'model';
}

/** The TF.js model's weights laid out as Keras 3 saves them for `kerasJson` (the same model's Keras 3 JSON). */
export async function collectKerasWeights(model: LayersModel, kerasJson: JsonObject): Promise<WeightsResult> {
  const layers: H5LayerEntry[] = [];
  for (const slot of kerasLayerSlots(kerasJson)) {
    let layer;
    try {
      layer = model.getLayer(slot.layerName);
    } catch {
      return { ok: false, message: `The model has no layer '${slot.layerName}' (${slot.className}) to export.` };
    }
    const weights = layer.weights;
    const order = kerasOrder(weights.map((w) => w.originalName));
    const vars = [];
    for (const i of order) {
      const w = weights[i];
      if (!w) continue;
      const value = w.read();
      vars.push({ shape: [...value.shape], data: Float32Array.from(await value.data()) });
    }
    layers.push({ group: slot.group, layerName: slot.layerName, vars });
  }
  return { ok: true, weights: { modelName: modelName(kerasJson), layers } };
}

/**
 * Sets the TF.js model's weights from a Keras 3 weights file of the model `kerasJson` describes.
 * Groups are found as Keras finds them (by class-derived path), vars by index; shapes must match.
 */
export function applyKerasWeights(model: LayersModel, kerasJson: JsonObject, file: H5Weights): { ok: true } | { ok: false; message: string } {
  const byGroup = new Map(file.layers.map((l) => [l.group, l]));
  const updates: { layer: ReturnType<LayersModel['getLayer']>; values: tf.Tensor[] }[] = [];
  for (const slot of kerasLayerSlots(kerasJson)) {
    let layer;
    try {
      layer = model.getLayer(slot.layerName);
    } catch {
      return { ok: false, message: `The model has no layer '${slot.layerName}'.` };
    }
    const weights = layer.weights;
    if (weights.length === 0) continue;
    const entry = byGroup.get(slot.group);
    if (!entry) return { ok: false, message: `The weights file has no entry layers/${slot.group} for layer '${slot.layerName}'.` };
    if (entry.vars.length !== weights.length) {
      return { ok: false, message: `Layer '${slot.layerName}' expects ${weights.length} weights but the file has ${entry.vars.length} at layers/${slot.group}.` };
    }
    const order = kerasOrder(weights.map((w) => w.originalName));
    const values: tf.Tensor[] = new Array<tf.Tensor>(weights.length);
    for (const [k, i] of order.entries()) {
      const w = weights[i];
      const v = entry.vars[k];
      if (!w || !v) continue;
      if (w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
        tf.dispose(values.filter(Boolean));
        return { ok: false, message: `Weight ${w.originalName} has shape [${w.shape.join(', ')}] but the file has [${v.shape.join(', ')}].` };
      }
      values[i] = tf.tensor(v.data, [...v.shape], 'float32');
    }
    updates.push({ layer, values });
  }
  for (const u of updates) {
    u.layer.setWeights(u.values);
    tf.dispose(u.values);
  }
  return { ok: true };
}
