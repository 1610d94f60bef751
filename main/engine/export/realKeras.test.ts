import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../../../shared/inference/infer';
import { startBackend } from '../backend';
import { layerOutput } from '../inspect/layerOutput';
import { loadSavedModel, type LoadedModel } from './load';

/**
 * Files written by real Keras 3.15 (tests/keras-check/gen_trained.py): every format of every
 * model gives Keras's parameter counts, prediction and every layer's output, to 1e-4, for the
 * same image fed the way `blockprop predict` feeds it.
 */
const dir = path.join(__dirname, '../../../tests/fixtures/trained');

interface Expected {
  readonly total_params: number;
  readonly trainable_params: number;
  readonly non_trainable_params: number;
  readonly prediction: readonly number[];
  readonly layers: Readonly<Record<string, { readonly class: string; readonly shape: readonly number[]; readonly values: readonly number[] }>>;
}

function expected(name: string): Expected {
  const parsed: unknown = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'));
  // The fixture is ours, written by gen_trained.py; its shape is checked by the assertions below.
  return parsed as Expected;
}

const formats: readonly { label: string; file: (m: string) => string; weights?: (m: string) => string }[] = [
  { label: '.keras', file: (m) => `${m}.keras` },
  { label: 'legacy .h5', file: (m) => `${m}.h5` },
  { label: 'JSON + .weights.h5', file: (m) => `${m}.json`, weights: (m) => `${m}.weights.h5` },
  { label: 'JSON + legacy weights-only .h5', file: (m) => `${m}.json`, weights: (m) => `${m}.legacy-weights.h5` },
];

const models = ['cnn', 'bn', 'sepcat', 'frozen'];

beforeAll(async () => {
  await startBackend('cpu');
});

const opened: LoadedModel[] = [];
afterAll(() => {
  for (const m of opened) m.model.dispose();
});

describe.each(models)('Keras 3.15 model %s', (name) => {
  const want = expected(name);
  it.each(formats)("$label gives Keras's params, prediction and every layer's output", async (format) => {
    const weights = format.weights?.(name);
    const loaded = await loadSavedModel(path.join(dir, format.file(name)), weights ? { weights: path.join(dir, weights) } : {});
    if (!loaded.ok) throw new Error(loaded.error.message);
    opened.push(loaded.value);
    expect(loaded.value.weights).not.toBeNull();
    const totals = inferGraph(loaded.value.graph).totals;
    expect(totals.total).toBe(want.total_params);
    // Frozen layers (trainable: false in the file) count as Keras counts them.
    expect([totals.trainable, totals.nonTrainable]).toEqual([want.trainable_params, want.non_trainable_params]);
    const ctx = { model: loaded.value.model, heldOut: null, classNames: [] };
    const image = { kind: 'image' as const, path: path.join(dir, `${name}.png`) };
    const layerNames = Object.keys(want.layers);
    expect(layerNames.length).toBeGreaterThan(4);
    for (const layer of layerNames) {
      const w = want.layers[layer];
      if (w === undefined) continue;
      const got = await layerOutput(ctx, layer, image);
      if (!got.ok) throw new Error(got.error.message);
      expect(got.value.shape, layer).toEqual(w.shape);
      let worst = 0;
      got.value.values.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (w.values[i] ?? NaN)))));
      expect(worst, `${layer} (${w.class})`).toBeLessThan(1e-4);
    }
    const last = layerNames[layerNames.length - 1] ?? '';
    const out = await layerOutput(ctx, last, image);
    if (!out.ok) throw new Error(out.error.message);
    Array.from(out.value.values).forEach((v, i) => expect(Math.abs(v - (want.prediction[i] ?? NaN))).toBeLessThan(1e-4));
  });
});
