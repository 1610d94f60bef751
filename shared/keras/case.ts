import type { JsonValue } from '../json';
import { isJsonObject } from '../json';

/**
 * The one place where Keras's snake_case and TensorFlow.js's camelCase meet.
 * Keras JSON (all versions, and TF.js model.json files) uses snake_case keys; TF.js constructor
 * arguments use camelCase. Graph params are always snake_case.
 */

/** 'kernel_size' -> 'kernelSize', 'batch_input_shape' -> 'batchInputShape'. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** 'kernelSize' -> 'kernel_size', 'batchInputShape' -> 'batch_input_shape'. Already snake: unchanged. */
export function camelToSnake(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Whether a key looks camelCase (has an upper-case letter after the first character). */
export function isCamelCase(key: string): boolean {
  return /[a-z0-9][A-Z]/.test(key);
}

/** Converts every object key of a JSON value, recursively (values are left alone). */
export function convertKeys(value: JsonValue, convert: (key: string) => string): JsonValue {
  if (Array.isArray(value)) return value.map((v: JsonValue) => convertKeys(v, convert));
  if (isJsonObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[convert(k)] = convertKeys(v, convert);
    return out;
  }
  return value;
}
