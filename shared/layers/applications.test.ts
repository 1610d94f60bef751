import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Shape } from '../graph/types';
import { keras3LayerConfig } from './keras3Config';
import { getLayerDef } from './registry';

/**
 * Every layer of the real Keras 3.15 models in tests/fixtures/applications (VGG16/19, ResNet50,
 * InceptionV3, MobileNet and the chapter's models): our fromConfig reads its config completely,
 * and our shape and weight rules, propagated through the model, give Keras's output shape and
 * parameter count for every layer.
 */
const dir = join(__dirname, '..', '..', 'tests', 'fixtures', 'applications');
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.layers.json'))
  .map((f) => f.replace('.layers.json', ''));

function read(file: string): JsonObject {
  const v: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (!isJsonObject(v)) throw new Error(`${file} is not an object`);
  return v;
}

function shapeOf(v: JsonValue | undefined): Shape {
  return Array.isArray(v) ? v.map((d) => (typeof d === 'number' ? d : null)) : [];
}

describe.each(ids)('%s', (id) => {
  const model = read(`${id}.layers.json`);
  const summary = read(`${id}.summary.json`);
  const base = isJsonObject(model['base']) ? model['base'] : {};
  const rows = Array.isArray(model['layers']) ? model['layers'] : [];
  const expected = new Map<string, { shape: Shape; params: number }>();
  for (const l of Array.isArray(summary['layers']) ? summary['layers'] : []) {
    if (isJsonObject(l) && typeof l['name'] === 'string')
      expected.set(l['name'], { shape: shapeOf(l['output_shape']), params: typeof l['params'] === 'number' ? l['params'] : -1 });
  }

  it('every layer: complete import, Keras 3 config, output shape and parameter count', () => {
    const shapes = new Map<string, Shape>();
    let checked = 0;
    let previous: string | undefined;
    for (const row of rows) {
      if (!Array.isArray(row)) continue;
      const [name, className, diff, inbound] = row;
      if (typeof name !== 'string' || typeof className !== 'string' || !isJsonObject(diff) || !Array.isArray(inbound)) throw new Error('bad row');
      const def = getLayerDef(className);
      expect(def, className).toBeDefined();
      if (def === undefined) continue;
      const classBase = base[className];
      const config: JsonObject = { ...(isJsonObject(classBase) ? classBase : {}), ...diff, name };
      const { params, unsupported } = def.fromConfig(config);
      expect(unsupported, name).toEqual([]);
      expect(keras3LayerConfig(def, name, params, config['trainable'] !== false), name).toEqual(config);
      // Sequential models list no inbound layers: each layer reads the one before it.
      const sources = inbound.length > 0 || previous === undefined ? inbound.map(String) : [previous];
      const inputs = sources.map((n) => shapes.get(n) ?? []);
      previous = name;
      const out = def.outputShape(inputs, params);
      expect(out, name).toMatchObject({ ok: true });
      if (!out.ok) continue;
      shapes.set(name, out.value);
      const want = expected.get(name);
      if (want === undefined) continue; // Sequential summaries leave out the InputLayer
      expect(out.value, name).toEqual(want.shape);
      const count = def.weights(inputs, params).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
      expect(count, name).toBe(want.params);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
