import { failure, success, type Outcome } from '../api/outcome';
import type { JsonObject, JsonValue } from '../json';
import { hasNonFinite, isJsonObject, own, previewJson } from '../json';
import type { LayerDef } from '../layers/types';
import { camelToSnake, isCamelCase } from './case';
import type { RawLayer } from './modelSpec';

/** Keys that only say where a layer sits in its model (handled by the graph), or that other Keras versions add. */
const placementKeys = new Set(['batch_input_shape', 'batch_shape', 'input_shape', 'input_dim', 'batch_size']);

const inputShapeKeys = new Set(['batch_shape', 'batch_input_shape', 'shape', 'input_shape']);

/**
 * A setting Blockprop does not offer is normally a warning; this says when it is an error
 * instead: a number Keras itself would refuse, or a value that changes the model (groups ≠ 1).
 */
function kerasStrictSetting(key: string, value: JsonValue): string | null {
  if (hasNonFinite(value)) return 'which is not a finite number (Keras would refuse the file)';
  if (key === 'groups') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return 'which is not a valid groups (Keras needs a whole number of 1 or more)';
    if (value !== 1) return 'but grouped convolutions are not supported by Blockprop yet; use groups = 1';
  }
  return null;
}

/**
 * Graph params of one layer via the catalog's fromConfig. A setting Blockprop does not offer
 * becomes a warning naming it; a value of the wrong type for a setting it does offer makes the
 * file unreadable (a message naming layer, setting and value).
 */
export function layerParams(layer: RawLayer, def: LayerDef, warnings: string[]): Outcome<JsonObject> {
  const label = `Layer '${layer.name}' (${layer.className})`;
  const { config, frozen } = kerasConfig(layer, label, warnings);
  const result = def.fromConfig(config);
  for (const key of result.unsupported) {
    const refused = refusedSetting(layer, def, label, key, config[key] ?? null);
    if (refused !== null) return failure(refused);
    warnings.push(`${label}: setting '${key}' is not supported by Blockprop and was not imported.`);
  }
  return success(frozen ? { ...result.params, trainable: false } : result.params);
}

/**
 * The layer's config as the catalog reads it (snake_case, Keras 3 names), without what the graph
 * holds elsewhere (name, placement, trainable, dtype); whether the file froze the layer.
 */
function kerasConfig(layer: RawLayer, label: string, warnings: string[]): { config: Record<string, JsonValue>; frozen: boolean } {
  const config: Record<string, JsonValue> = {};
  let frozen = false;
  for (const [rawKey, value] of Object.entries(layer.config)) {
    const key = isCamelCase(rawKey) ? camelToSnake(rawKey) : rawKey;
    if (key === 'name') continue;
    if (key === '__proto__') {
      warnings.push(`${label}: setting '__proto__' is not a Keras setting and was not imported.`);
      continue;
    }
    if (key === 'trainable') {
      // A frozen layer (transfer learning) stays frozen: the graph param that the exports write back.
      if (value === false) frozen = true;
      else if (value !== true) warnings.push(`${label}: trainable = ${previewJson(value, 20)} is not true or false; it was imported as trainable.`);
      continue;
    }
    if (key === 'dtype') {
      const dtype = dtypeName(value);
      if (dtype !== 'float32') warnings.push(`${label}: dtype '${dtype}' is not supported; it was imported as float32.`);
      continue;
    }
    if (layer.className === 'InputLayer') {
      if (key === 'batch_input_shape') {
        config.batch_shape = value;
        continue;
      }
    } else if (placementKeys.has(key)) {
      continue;
    }
    // tf.keras 2 and TF.js call LeakyReLU's slope `alpha`.
    config[layer.className === 'LeakyReLU' && key === 'alpha' ? 'negative_slope' : key] = value;
  }
  return { config, frozen };
}

/** The message when a setting fromConfig could not take makes the file unreadable; null when it is only a warning. */
function refusedSetting(layer: RawLayer, def: LayerDef, label: string, key: string, raw: JsonValue): string | null {
  // The input's shape is the model's shape: a bad one is an error, never a silent 28×28×1.
  if (layer.className === 'InputLayer' && inputShapeKeys.has(key)) {
    return `${label}: '${key}' is ${previewJson(raw, 60)}, which is not a valid ${key} (Keras needs whole numbers of 1 or more, or null for any size).`;
  }
  const strict = kerasStrictSetting(key, raw);
  if (strict !== null) return `${label}: '${key}' is ${previewJson(raw, 60)}, ${strict}.`;
  const spec = def.params.find((p) => p.name === key);
  if (!spec) return null;
  if (['activation', 'initializer', 'regularizer', 'constraint'].includes(spec.type)) {
    return `${label}: '${key}' is ${previewJson(raw, 80)}, which Blockprop does not support yet; change it to a supported ${spec.type} and export again.`;
  }
  return `${label}: '${key}' is ${previewJson(raw, 60)}, which is not a valid ${key} (expected ${expectedType(spec.type)}).`;
}

function expectedType(type: string): string {
  const words: Readonly<Record<string, string>> = {
    int: 'a whole number',
    float: 'a number',
    bool: 'true or false',
    enum: 'one of its options',
    string: 'text',
    tuple: 'a list of whole numbers',
    ints: 'a list of whole numbers',
    shape: 'a shape',
    axis: 'an axis number',
    padding2d: '((top, bottom), (left, right))',
    activation: 'an activation name',
    initializer: 'a Keras initializer',
    regularizer: 'a Keras regularizer or null',
    constraint: 'a Keras constraint or null',
  };
  return own(words, type) ?? type;
}

function dtypeName(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'float32';
  if (isJsonObject(value) && isJsonObject(value.config) && typeof value.config.name === 'string') return value.config.name;
  return previewJson(value, 40);
}
