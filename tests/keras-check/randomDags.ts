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
import { seededPermutation, seededRandom } from '../../shared/random';

/** The items in a seeded random order, drawn from the graph's own stream `r`. */
function shuffled<T>(items: readonly T[], r: () => number): T[] {
  return Array.from(seededPermutation(items.length, Math.floor(r() * 2 ** 32)), (i) => items[i]).filter((x): x is T => x !== undefined);
}

function randomDag(seed: number, size = 14): { specs: LayerSpec[]; outputs: string[] } {
  const r = seededRandom(seed);
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
  return {
    specs,
    outputs: shuffled(
      specs.filter((s) => s.kind !== 'InputLayer' && !consumed.has(s.name)).map((s) => s.name),
      r,
    ),
  };
}

const [out = '/tmp/blockprop-random-dags', ...seedArgs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const seed of seedArgs.length > 0 ? seedArgs.map(Number) : [1, 5, 8]) {
  const { specs, outputs } = randomDag(seed);
  const exported = exportKeras3(buildGraph(`rand${seed}`, specs, { outputs }));
  if (!exported.ok) throw new Error(`seed ${seed}: ${JSON.stringify(exported.error.diagnostics)}`);
  writeFileSync(join(out, `random_dag_${seed}.keras3.json`), toKerasJsonString(exported.value));
  console.log(`random_dag_${seed}: ${specs.length} layers, ${outputs.length} outputs`);
}
