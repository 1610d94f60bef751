import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../json';
import { keras3LayerConfig } from './keras3Config';
import { getLayerDef } from './registry';

/** Every layer config of the real Keras 3.15 model files in tests/fixtures/keras is reproduced exactly. */
const dir = join(__dirname, '..', '..', 'tests', 'fixtures', 'keras');
const files = readdirSync(dir).filter((f) => f.endsWith('.keras3.json'));

interface LayerCase {
  readonly file: string;
  readonly className: string;
  readonly config: JsonObject;
}

const layers: LayerCase[] = files.flatMap((file) => {
  const model: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const config = isJsonObject(model) ? model['config'] : undefined;
  const list = isJsonObject(config) ? config['layers'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((l): LayerCase[] => {
    if (!isJsonObject(l) || typeof l['class_name'] !== 'string' || !isJsonObject(l['config'])) return [];
    return [{ file, className: l['class_name'], config: l['config'] }];
  });
});

describe('Keras 3 example models', () => {
  it('covers every class the palette offers', () => {
    const seen = new Set(layers.map((l) => l.className));
    for (const c of ['Conv2D', 'MaxPooling2D', 'Dense', 'Dropout', 'Flatten', 'InputLayer', 'Concatenate']) expect(seen).toContain(c);
  });

  it.each(layers.map((l) => [`${l.file} ${String(l.config['name'])} (${l.className})`, l] as const))('%s', (_label, l) => {
    const def = getLayerDef(l.className);
    expect(def).toBeDefined();
    if (def === undefined) return;
    const { params, unsupported } = def.fromConfig(l.config);
    expect(unsupported).toEqual([]);
    const name = typeof l.config['name'] === 'string' ? l.config['name'] : '';
    const trainable = l.config['trainable'] !== false;
    const mine = keras3LayerConfig(def, name, params, trainable);
    expect(mine).toEqual(l.config);
    expect(Object.keys(mine)).toEqual(Object.keys(l.config));
  });
});
