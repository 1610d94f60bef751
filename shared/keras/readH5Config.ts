import { success, type Outcome } from '../api/outcome';
import type { JsonObject } from '../json';
import { kerasVersion } from '../modelfile/sniff';
import type { KerasModel } from './modelSpec';
import { checkModel } from './readModelConfig';

/**
 * The `model_config` attribute of a legacy Keras .h5 file, as a file of its own. tf.keras 2 wrote
 * it, and so does Keras 3's `save('x.h5')`: the model inside says which Keras it came from.
 */
export function h5ConfigModel(json: JsonObject): Outcome<KerasModel> {
  const model = checkModel(modelConfigOf(json), 'The file\'s "model_config"');
  return model.ok ? success({ model: model.value, format: kerasVersion(model.value) }) : model;
}

/** `model_config` as h5 stores it (JSON text) or as a TF.js converter copies it (an object). */
export function modelConfigOf(wrapper: JsonObject): unknown {
  const value = wrapper.model_config;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
