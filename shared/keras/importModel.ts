import { failure, success, type Outcome } from '../api/outcome';
import type { Graph } from '../graph/types';
import { depthProblem, isJsonObject, type JsonObject } from '../json';
import { sniffJson } from '../modelfile/sniff';
import { buildGraph } from './buildGraph';
import { describe, type KerasModel, type ModelFormat } from './modelSpec';
import { h5ConfigModel } from './readH5Config';
import { checkModel, readModelConfig } from './readModelConfig';
import { tfjsModel } from './readTfjs';

/** An imported model: the graph, the format its file was in, and what the user should hear about it. */
export interface ImportedModel {
  readonly graph: Graph;
  readonly format: ModelFormat;
  readonly warnings: readonly string[];
  /** The Keras model object (class_name + config) found inside the JSON: weight files are laid out by it. */
  readonly model: JsonObject;
}

export type ImportResult = Outcome<ImportedModel>;

/** Reads model JSON text (a file's contents); a parse error comes back as a message, not a throw. */
export function parseModelText(text: string): ImportResult {
  if (text.trim() === '') return failure('The file is empty; expected Keras model JSON.');
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failure(`The file is not valid JSON (${reason}); it may be cut off or not a model file.`);
  }
  return importModel(json);
}

/**
 * Turns Keras 3 JSON, tf.keras 2 JSON or a TF.js model.json into a graph. Every layer must be a
 * class Blockprop knows; settings it cannot represent are named in `warnings` (never dropped
 * silently); anything that makes the model unreadable is a message naming the layer and field.
 */
export function importModel(json: unknown): ImportResult {
  const tooDeep = depthProblem(json);
  if (tooDeep !== null) return failure(`This is not a model Blockprop can read: ${tooDeep}.`);
  const found = unwrapModel(json);
  if (!found.ok) return found;
  const { model, format } = found.value;
  const warnings: string[] = [];
  if (isJsonObject(json) && Array.isArray(json.weightsManifest) && json.weightsManifest.length > 0) {
    warnings.push("The file's weights (weightsManifest) were not imported: Blockprop imports the architecture, with fresh initial weights.");
  }
  const spec = readModelConfig(model);
  if (!spec.ok) return spec;
  const built = buildGraph(spec.value);
  if (!built.ok) return built;
  return success({ graph: built.value.graph, format, warnings: [...warnings, ...built.value.warnings], model });
}

/**
 * The Keras model object inside model JSON and the file's format, from the reader for the format
 * sniffJson names: Keras 3 or tf.keras 2 JSON, a legacy .h5 `model_config`, or a TF.js model.json.
 */
export function unwrapModel(json: unknown): Outcome<KerasModel> {
  if (!isJsonObject(json)) {
    return failure(`Expected a Keras model: a JSON object with "class_name" and "config", but the file holds ${describe(json)}.`);
  }
  const format = sniffJson(json);
  switch (format) {
    case 'tfjs':
      return tfjsModel(json);
    case 'keras-h5':
      return h5ConfigModel(json);
    case 'keras3':
    case 'keras2': {
      // Keras 3 and tf.keras 2 `model.to_json()` (and a .keras archive's config.json) are the model
      // object itself; their inbound nodes differ, and inboundNodes.ts reads both.
      const model = checkModel(json, 'The file');
      return model.ok ? success({ model: model.value, format }) : model;
    }
  }
}
