import type { LayersModel } from '@tensorflow/tfjs-layers';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { isJsonObject, type JsonObject } from '../../../shared/json';
import type { H5LayerEntry, H5Weights } from './h5';
import { kerasLayerSlots, kerasOrder } from './kerasLayout';

function modelName(json: JsonObject): string {
  const config = json['config'];
  const name = isJsonObject(config) ? config['name'] : undefined;
  return typeof name === 'string' ? name : 'model';
}

/** The TF.js model's weights laid out as Keras 3 saves them for `kerasJson` (the same model's Keras 3 JSON). */
export async function collectKerasWeights(model: LayersModel, kerasJson: JsonObject): Promise<Outcome<H5Weights>> {
  const layers: H5LayerEntry[] = [];
  for (const slot of kerasLayerSlots(kerasJson)) {
    let layer;
    try {
      layer = model.getLayer(slot.layerName);
    } catch {
      return failure(`The model has no layer '${slot.layerName}' (${slot.className}) to export.`);
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
  return success({ modelName: modelName(kerasJson), layers });
}
