import { failure, success, type Outcome } from '../api/outcome';
import type { JsonObject } from '../json';
import { isJsonObject } from '../json';
import type { KerasModel } from './modelSpec';
import { modelConfigOf } from './readH5Config';
import { checkModel } from './readModelConfig';

/**
 * A TensorFlow.js layers-model `model.json`: the Keras model in `modelTopology`, itself wrapped in
 * an h5-style `model_config` when the converter wrote it from a Keras file.
 */
export function tfjsModel(json: JsonObject): Outcome<KerasModel> {
  if (json.format === 'graph-model') {
    return failure('This TensorFlow.js model.json is a graph model (from the converter); Blockprop imports layers models only (format "layers-model").');
  }
  let topology: unknown = json.modelTopology;
  if (isJsonObject(topology) && 'model_config' in topology) topology = modelConfigOf(topology);
  const model = checkModel(topology, 'The TF.js model.json\'s "modelTopology"');
  return model.ok ? success({ model: model.value, format: 'tfjs' }) : model;
}
