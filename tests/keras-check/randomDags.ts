/**
 * Draws seeded random functional DAGs (two inputs, Dense layers and 2- or 3-way Add / Average /
 * Maximum merges, every unconsumed layer an output, inputs and outputs in shuffled order) and
 * writes each as Blockprop's Keras 3 export: OUTDIR/random_dag_<seed>.keras3.json. Then
 * gen_random_dags.py asks real Keras for its layer order (shared/graph/fixtures/random_dag_*.json).
 * Run: npx tsx tests/keras-check/randomDags.ts OUTDIR [SEED ...]   (default seeds 1 5 8)
 * Not part of npm test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type LayerSpec } from '../../shared/graph/fromSpec';
import { exportKeras3, toKerasJsonString } from '../../shared/keras';

/** mulberry32: a small seeded generator, so a seed always draws the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) [out[i], out[j]] = [b, a];
  }
  return out;
}

function randomDag(seed: number, size = 14): { specs: LayerSpec[]; outputs: string[] } {
  const r = random(seed);
  const specs: LayerSpec[] = shuffled(['in0', 'in1'], r).map((name) => ({ name, kind: 'InputLayer', params: { shape: [8] } }));
  const pick = (): string => specs[Math.floor(r() * specs.length)]?.name ?? 'in0';
  for (let i = 0; i < size; i++) {
    if (r() < 0.6) {
      specs.push({ name: `d${i}`, kind: 'Dense', params: { units: 8 }, inputs: [pick()] });
      continue;
    }
    const ways = r() < 0.7 ? 2 : 3;
    const inputs = new Set<string>();
    while (inputs.size < ways) inputs.add(pick());
    specs.push({ name: `m${i}`, kind: ['Add', 'Average', 'Maximum'][Math.floor(r() * 3)] ?? 'Add', inputs: [...inputs] });
  }
  const consumed = new Set(specs.flatMap((s) => s.inputs ?? []));
  return { specs, outputs: shuffled(specs.filter((s) => s.kind !== 'InputLayer' && !consumed.has(s.name)).map((s) => s.name), r) };
}

const [out = '/tmp/blockprop-random-dags', ...seedArgs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const seed of seedArgs.length > 0 ? seedArgs.map(Number) : [1, 5, 8]) {
  const { specs, outputs } = randomDag(seed);
  const exported = exportKeras3(buildGraph(`rand${seed}`, specs, { outputs }));
  if (!exported.ok) throw new Error(`seed ${seed}: ${JSON.stringify(exported.diagnostics)}`);
  writeFileSync(join(out, `random_dag_${seed}.keras3.json`), toKerasJsonString(exported.json));
  console.log(`random_dag_${seed}: ${specs.length} layers, ${outputs.length} outputs`);
}
