import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';

/** Where a model JSON came from. */
export type ModelFormat = 'keras3' | 'keras2' | 'tfjs';

/** The Keras model object inside a file, with its format; or a message saying why there is none. */
export type Unwrapped =
  | { readonly ok: true; readonly model: JsonObject; readonly format: ModelFormat }
  | { readonly ok: false; readonly message: string };

const modelClasses = new Set(['Sequential', 'Functional', 'Model']);

/**
 * Finds the Keras model config in a Keras 3 `to_json()`, a tf.keras 2 `to_json()`, a TF.js
 * `model.json` (`modelTopology`, possibly wrapping `model_config` as the converter writes it) or
 * the `model_config` attribute of a Keras .h5 file.
 */
export function unwrapModel(json: unknown): Unwrapped {
  if (!isPlainObject(json)) {
    return { ok: false, message: `Expected a Keras model: a JSON object with "class_name" and "config", but the file holds ${describe(json)}.` };
  }
  if ('modelTopology' in json) {
    if (json.format === 'graph-model') {
      return { ok: false, message: 'This TensorFlow.js model.json is a graph model (from the converter); Blockprop imports layers models only (format "layers-model").' };
    }
    let topology: unknown = json.modelTopology;
    if (isPlainObject(topology) && 'model_config' in topology) topology = parseMaybeText(topology.model_config);
    const inner = checkModel(topology, 'The TF.js model.json\'s "modelTopology"');
    return inner.ok ? { ok: true, model: inner.model, format: 'tfjs' } : inner;
  }
  if ('model_config' in json && !('class_name' in json)) {
    const inner = checkModel(parseMaybeText(json.model_config), 'The file\'s "model_config"');
    return inner.ok ? { ok: true, model: inner.model, format: detectKerasVersion(inner.model) } : inner;
  }
  const model = checkModel(json, 'The file');
  return model.ok ? { ok: true, model: model.model, format: detectKerasVersion(model.model) } : model;
}

function checkModel(value: unknown, where: string): { ok: true; model: JsonObject } | { ok: false; message: string } {
  if (!isPlainObject(value)) return { ok: false, message: `${where} is not a Keras model object (it holds ${describe(value)}).` };
  const className = value.class_name;
  if (typeof className !== 'string') {
    return { ok: false, message: `${where} has no "class_name"; expected a Keras model JSON such as model.to_json() writes.` };
  }
  if (!modelClasses.has(className)) {
    return { ok: false, message: `${where} holds a '${className}', not a model; expected class_name "Sequential" or "Functional".` };
  }
  if (!('config' in value) || !(isPlainObject(value.config) || Array.isArray(value.config))) {
    return { ok: false, message: `The ${className} model has no "config" object.` };
  }
  return { ok: true, model: value };
}

/** Keras 3 writes `module` and `registered_name` and calls layers with `{args, kwargs}` nodes. */
function detectKerasVersion(model: JsonObject): ModelFormat {
  if ('module' in model || 'registered_name' in model) return 'keras3';
  const config = model.config;
  const layers = isJsonObject(config) ? config.layers : config;
  if (Array.isArray(layers)) {
    for (const layer of layers) {
      if (!isJsonObject(layer)) continue;
      if (isJsonObject(layer.config) && 'batch_shape' in layer.config) return 'keras3';
      const inbound = layer.inbound_nodes;
      if (Array.isArray(inbound) && inbound.some((n: JsonValue) => isJsonObject(n) && 'args' in n)) return 'keras3';
    }
  }
  return 'keras2';
}

function parseMaybeText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Plain objects from JSON.parse are JsonObjects; this guard narrows `unknown` to one. */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `the ${typeof value} ${String(value)}`;
}
