import { success, type Outcome } from '../api/outcome';
import type { JsonObject } from '../json';
import type { KerasModel } from './modelSpec';
import { checkModel } from './readModelConfig';

/**
 * Keras 3: `model.to_json()`, which is also the config.json inside a `.keras` archive: the file is
 * the model object itself. Its `{args, kwargs}` inbound nodes are read in inboundNodes.ts.
 */
export function keras3Model(json: JsonObject): Outcome<KerasModel> {
  const model = checkModel(json, 'The file');
  return model.ok ? success({ model: model.value, format: 'keras3' }) : model;
}
