import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';

/**
 * The one place that says what a file is, by content and never by extension: `sniff` for its
 * bytes, `sniffJson` and `kerasVersion` for the model JSON inside (the model-file reader's
 * readers and the Keras importer both ask here).
 */

/** What a file's first bytes say it is: the reader recognises formats by content, never by extension. */
export type ContentKind = 'zip' | 'hdf5' | 'json' | 'png' | 'jpeg' | 'gzip' | 'text' | 'binary' | 'empty';

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

/** An HDF5 superblock may sit at 0, 512, 1024, 2048 … (a user block before it). */
function isHdf5(bytes: Uint8Array): boolean {
  for (let at = 0; at + HDF5_SIGNATURE.length <= bytes.length && at <= 1 << 16; at = at === 0 ? 512 : at * 2) {
    if (startsWith(bytes, HDF5_SIGNATURE, at)) return true;
  }
  return false;
}

export function sniff(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (isHdf5(bytes)) return 'hdf5';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return 'json';
  const head = bytes.subarray(0, 512);
  return head.some((b) => b === 0 || b < 0x09 || (b > 0x0d && b < 0x20)) ? 'binary' : 'text';
}

/** Words for a file that holds no model, never its raw bytes: "a PNG image", "binary data". */
export function describeContent(kind: ContentKind): string {
  switch (kind) {
    case 'zip':
      return 'a zip archive';
    case 'hdf5':
      return 'an HDF5 file';
    case 'json':
      return 'JSON';
    case 'png':
      return 'a PNG image';
    case 'jpeg':
      return 'a JPEG image';
    case 'gzip':
      return 'gzip-compressed data';
    case 'text':
      return 'plain text, not JSON';
    case 'binary':
      return 'binary data';
    case 'empty':
      return 'nothing (the file is empty)';
  }
}

/** The Keras model JSON formats Blockprop reads. */
export type ModelJsonFormat = 'keras3' | 'keras2' | 'tfjs';

/**
 * Which model format a JSON object is, from its shape: a TF.js model.json has `modelTopology`;
 * `keras-h5` is the legacy .h5 `model_config` attribute on its own (tf.keras 2 and Keras 3's
 * `save('x.h5')` both write it, so its contents say which Keras: `kerasVersion`); anything else is
 * a Keras model object, Keras 3 or tf.keras 2.
 */
export function sniffJson(json: JsonObject): ModelJsonFormat | 'keras-h5' {
  if ('modelTopology' in json) return 'tfjs';
  if ('model_config' in json && !('class_name' in json)) return 'keras-h5';
  return kerasVersion(json);
}

/** Keras 3 writes `module` and `registered_name`, `batch_shape`, and calls layers with `{args, kwargs}` nodes. */
export function kerasVersion(model: JsonObject): 'keras3' | 'keras2' {
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
