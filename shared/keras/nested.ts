import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';
import { encodeKerasObject } from '../layers/kerasObjects';

/**
 * Initializers, regularizers and constraints nested in layer configs. Graph params hold them as
 * `{class_name, config}`; Keras 3 writes `{module, class_name, config, registered_name}`,
 * Keras 2 / TF.js `{class_name, config}` with slightly different configs.
 */
export type NestedKind = 'initializers' | 'regularizers' | 'constraints';

export function nestedKind(key: string): NestedKind | null {
  if (key.endsWith('_initializer')) return 'initializers';
  if (key.endsWith('_regularizer')) return 'regularizers';
  if (key.endsWith('_constraint')) return 'constraints';
  return null;
}

/** `{module: 'keras.initializers', class_name, config, registered_name: null}`. */
export function toKeras3Nested(value: JsonValue, kind: NestedKind): JsonValue {
  // Already in Keras 3 form (the catalog's toConfig may encode it itself): keep as is.
  if (isJsonObject(value) && typeof value.module === 'string') return value;
  if (readNested(value) === null) return value;
  return encodeKerasObject(objectKind[kind], value);
}

const objectKind = { initializers: 'initializer', regularizers: 'regularizer', constraints: 'constraint' } as const;

/** `{class_name, config}` without the Keras-3-only keys that tf.keras 2 constructors reject. */
export function toKeras2Nested(value: JsonValue, kind: NestedKind): JsonValue {
  const parsed = readNested(value);
  if (parsed === null) return value;
  let config = parsed.config;
  // input_axes/output_axes are new in Keras 3.15 (fan-based initializers); tf.keras 2 rejects them.
  if (kind === 'initializers') {
    config = omit(config, ['input_axes', 'output_axes']);
  }
  return { class_name: parsed.className, config };
}

function readNested(value: JsonValue): { className: string; config: JsonObject } | null {
  if (!isJsonObject(value)) return null;
  const className = value.class_name;
  if (typeof className !== 'string') return null;
  const config = isJsonObject(value.config) ? value.config : {};
  return { className, config };
}

function omit(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}
