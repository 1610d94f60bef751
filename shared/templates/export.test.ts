import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { isJsonObject } from '../json';
import { exportKeras3 } from '../keras';
import { getLayerDef } from '../layers/registry';
import { layersFixture } from './applicationFixtures.test-util';
import { templates } from './index';

/*
 * Each template exported as Keras 3 JSON against real Keras's model.to_json() for the same model
 * (tests/fixtures/applications/<id>.layers.json: per-class base config + per-layer differences):
 * every layer's class and complete config, in Keras's order.
 */

function expectedLayers(id: string): { className: string; config: Record<string, JsonValue> }[] {
  const f = layersFixture.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/applications/${id}.layers.json`, import.meta.url), 'utf8')));
  return f.layers.map(([name, className, diff]) => {
    const config: Record<string, JsonValue> = { ...(f.base[className] ?? {}), ...diff };
    // Keras writes `name` first for layers, after `dtype` for InputLayer; key order is not compared here.
    return { className, config: { ...config, name } };
  });
}

const cases = templates.map((t) => ({ id: t.id, template: t }));

describe.each(cases)('Keras 3 export of template $id', ({ id, template }) => {
  it('uses only layers the catalog has', () => {
    expect([...new Set(template.build().nodes.map((n) => n.kind))].filter((k) => !getLayerDef(k))).toEqual([]);
  });

  it('writes every layer config as Keras does', () => {
    const result = exportKeras3(template.build());
    if (!result.ok) throw new Error(JSON.stringify(result.error.diagnostics));
    const config = result.value.config;
    const layers = isJsonObject(config) && Array.isArray(config.layers) ? config.layers : [];
    const expected = expectedLayers(id);
    expect(layers.length).toBe(expected.length);
    layers.forEach((layer, i) => {
      const want = expected[i];
      if (!isJsonObject(layer) || !want) throw new Error(`layer ${i} is not an object`);
      expect(layer.class_name, `layer ${i}`).toBe(want.className);
      expect(layer.config, `${want.className} ${String(want.config.name)}`).toEqual(want.config);
    });
  });
});
