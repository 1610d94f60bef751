import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonValue } from '../json';
import { summaryJson } from '../summary';
import { kerasBuiltCases } from '../../tests/fixtures/keras/load';
import { exportKeras2, exportKeras3, toKerasJsonString } from './index';

/*
 * Our Keras 2 / tf.keras export, as real Keras 3.15 reads it with the loader it keeps for old
 * tf.keras files (tests/fixtures/keras2/<id>.json, written by tests/keras-check/gen_built_fixtures.py:
 * the SHA-256 of the file Keras read, its count_params() and the model.to_json() Keras wrote after
 * loading it). CI has no Keras, so it checks that today's export is the file Keras read and that
 * Keras understood it as exactly the model our Keras 3 export describes.
 */

const regenerate = 'rerun sh tests/keras-check/run.sh (it rewrites tests/fixtures/keras2 with real Keras)';

/**
 * The legacy loader builds the model from lists of inputs and outputs, so its to_json() writes
 * `[["in", 0, 0]]` where a model built from one tensor (and our Keras 3 export) writes `["in", 0, 0]`.
 */
function asLists(model: JsonValue): JsonValue {
  if (!isJsonObject(model) || !isJsonObject(model['config'])) return model;
  const config = { ...model['config'] };
  for (const key of ['input_layers', 'output_layers']) {
    const v = config[key];
    if (Array.isArray(v) && typeof v[0] === 'string') config[key] = [v];
  }
  return { ...model, config };
}

const cases = kerasBuiltCases('keras2');

describe('Keras 2 export, as real Keras read it', () => {
  it.each(cases)('$id: the export is the file Keras read', ({ graph, built }) => {
    const ours = exportKeras2(graph);
    if (!ours.ok) throw new Error(JSON.stringify(ours.error.diagnostics));
    expect(
      createHash('sha256').update(toKerasJsonString(ours.value), 'utf8').digest('hex'),
      `the Keras 2 export changed since Keras last read it: ${regenerate}`,
    ).toBe(built.sha256);
  });

  it.each(cases)('$id: Keras read the same model our Keras 3 export describes', ({ graph, built }) => {
    const keras3 = exportKeras3(graph);
    if (!keras3.ok) throw new Error(JSON.stringify(keras3.error.diagnostics));
    expect(asLists(keras3.value)).toEqual(built.toJson);
    expect(summaryJson(graph).total_params).toBe(built.countParams);
  });
});
