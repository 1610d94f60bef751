import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../json';
import { sniffJson } from './sniff';

const layer = (config: JsonObject, inbound?: JsonValue): JsonObject => ({
  class_name: 'Dense',
  config,
  ...(inbound === undefined ? {} : { inbound_nodes: inbound }),
});

describe('sniffJson: which model format a JSON object is, from its shape', () => {
  it.each<[string, JsonObject, string]>([
    ['a TF.js layers model', { modelTopology: {}, format: 'layers-model' }, 'tfjs'],
    ['a TF.js graph model (refused by its reader, but TF.js)', { modelTopology: {}, format: 'graph-model' }, 'tfjs'],
    ['an .h5 model_config on its own', { model_config: '{"class_name": "Sequential"}' }, 'keras-h5'],
    ['Keras 3: module and registered_name', { module: 'keras', class_name: 'Sequential', config: {} }, 'keras3'],
    ['Keras 3: a layer with batch_shape', { class_name: 'Sequential', config: { layers: [layer({ batch_shape: [null, 4] })] } }, 'keras3'],
    ['Keras 3: an {args, kwargs} inbound node', { class_name: 'Functional', config: { layers: [layer({}, [{ args: [], kwargs: {} }])] } }, 'keras3'],
    [
      'tf.keras 2: nested-list inbound nodes',
      { class_name: 'Functional', config: { layers: [layer({ batch_input_shape: [null, 4] }, [[['in', 0, 0, {}]]])] } },
      'keras2',
    ],
    ['a model_config beside class_name is a Keras model', { class_name: 'Sequential', config: {}, model_config: 'x' }, 'keras2'],
    ['any other object', { hello: 1 }, 'keras2'],
  ])('%s', (_label, json, format) => {
    expect(sniffJson(json)).toBe(format);
  });
});
