import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Shape } from '../graph/types';
import { keras3LayerConfig } from './keras3Config';
import { getLayerDef } from './registry';

/**
 * fixtures/kerasReference.json was produced by real Keras 3.15.1 (torch backend): for each case the
 * layer's get_config() after being called on Input(s) of the given shapes, its output shape, its
 * weights (name, shape, trainable) and count_params() — or the error Keras raised. Both files are
 * written by tests/keras-check/gen_layer_fixtures.py (the hand-picked cases are in layer_cases.py).
 */
interface Case {
  readonly id: string;
  readonly class: string;
  readonly kwargs: JsonObject | null;
  readonly inputs: Shape[];
  readonly config?: JsonObject;
  readonly keys?: string[];
  readonly output_shape?: Shape;
  readonly weights?: [string, number[], boolean][];
  readonly count?: number;
  readonly error?: string;
}

function parseShape(v: JsonValue | undefined): (number | null)[] {
  if (!Array.isArray(v)) throw new Error('shape expected');
  return v.map((d) => (typeof d === 'number' ? d : null));
}

function parseCases(raw: unknown): Case[] {
  if (!Array.isArray(raw)) throw new Error('fixture is not a list');
  return raw.map((c: JsonValue): Case => {
    if (!isJsonObject(c) || typeof c['id'] !== 'string' || typeof c['class'] !== 'string' || !Array.isArray(c['inputs'])) throw new Error('bad case');
    const config = c['config'];
    const kwargs = c['kwargs'];
    const weights = c['weights'];
    return {
      id: c['id'],
      class: c['class'],
      kwargs: isJsonObject(kwargs) ? kwargs : null,
      inputs: c['inputs'].map(parseShape),
      ...(isJsonObject(config) ? { config } : {}),
      ...(Array.isArray(c['keys']) ? { keys: c['keys'].map(String) } : {}),
      ...(c['output_shape'] !== undefined ? { output_shape: parseShape(c['output_shape']) } : {}),
      ...(Array.isArray(weights)
        ? {
            weights: weights.map((w): [string, number[], boolean] =>
              Array.isArray(w) ? [String(w[0]), parseShape(w[1]).map(Number), w[2] === true] : ['', [], false],
            ),
          }
        : {}),
      ...(typeof c['count'] === 'number' ? { count: c['count'] } : {}),
      ...(typeof c['error'] === 'string' ? { error: c['error'] } : {}),
    };
  });
}

const cases = parseCases(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'kerasReference.json'), 'utf8')));
/**
 * 400 random layer configurations run through real Keras 3.15: error or shape + weights.
 * `gen_layer_fixtures.py fuzz --respec` reproduces this file from its own cases; `--seed N` draws new ones.
 */
const fuzz = parseCases(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'kerasFuzz.json'), 'utf8')));
const ok = cases.filter((c) => c.error === undefined);
const errors = cases.filter((c) => c.error !== undefined);

function defOf(c: Case) {
  const def = getLayerDef(c.class);
  if (def === undefined) throw new Error(`no def for ${c.class}`);
  return def;
}

describe('layers match real Keras 3.15', () => {
  it.each(ok.map((c) => [c.id, c] as const))('%s: fromConfig(Keras config) -> shape, weights, count', (_id, c) => {
    const def = defOf(c);
    const config = c.config ?? {};
    const { params, unsupported } = def.fromConfig(config);
    expect(unsupported).toEqual([]);
    const out = def.outputShape(c.inputs, params);
    expect(out).toEqual({ ok: true, value: c.output_shape });
    const weights = def.weights(c.inputs, params);
    expect(weights.map((w) => [w.name, w.shape, w.trainable])).toEqual(c.weights);
    expect(weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0)).toBe(c.count);
    expect((def.check?.(c.inputs, params) ?? []).filter((i) => i.severity !== 'warning')).toEqual([]);
  });

  it.each(ok.map((c) => [c.id, c] as const))('%s: keras3LayerConfig reproduces the config, key order included', (_id, c) => {
    const def = defOf(c);
    const config = c.config ?? {};
    const name = typeof config['name'] === 'string' ? config['name'] : 'x';
    const { params } = def.fromConfig(config);
    const mine = keras3LayerConfig(def, name, params);
    expect(mine).toEqual(config);
    expect(Object.keys(mine)).toEqual(c.keys);
  });

  const expectedCode: Record<string, string> = {
    err_conv_small: 'spatial-size',
    err_pool_small: 'spatial-size',
    err_reshape: 'reshape-size',
    err_add: 'merge-shape-mismatch',
    err_concat: 'merge-shape-mismatch',
    err_crop: 'spatial-size',
    err_strides_dil: 'strides-with-dilation',
  };

  it.each(errors.map((c) => [c.id, c] as const))('%s: where Keras refuses, we report an error', (id, c) => {
    const def = defOf(c);
    const { params, unsupported } = def.fromConfig(c.kwargs ?? {});
    expect(unsupported).toEqual([]);
    const out = def.outputShape(c.inputs, params);
    const issues = [...(out.ok ? [] : [out.error]), ...(def.check?.(c.inputs, params) ?? [])];
    const codes = issues.filter((i) => i.severity !== 'warning').map((i) => i.code);
    expect(codes).toContain(expectedCode[id]);
  });

  it.each(fuzz.map((c) => [`${c.id} ${c.class} ${JSON.stringify(c.kwargs)} on ${c.inputs.map((s) => JSON.stringify(s)).join(' + ')}`, c] as const))(
    '%s',
    (_label, c) => {
      const def = defOf(c);
      const { params, unsupported } = def.fromConfig(c.kwargs ?? {});
      expect(unsupported).toEqual([]);
      const out = def.outputShape(c.inputs, params);
      const errors = [...(out.ok ? [] : [out.error]), ...(def.check?.(c.inputs, params) ?? [])].filter((i) => i.severity !== 'warning');
      if (c.error !== undefined) {
        expect(errors.length, `Keras said: ${c.error}`).toBeGreaterThan(0);
        return;
      }
      expect(errors).toEqual([]);
      expect(out).toEqual({ ok: true, value: c.output_shape });
      expect(def.weights(c.inputs, params).map((w) => [w.name, w.shape, w.trainable])).toEqual(c.weights);
    },
  );
});
