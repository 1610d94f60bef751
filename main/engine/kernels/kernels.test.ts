import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { success, type Outcome } from '../../../shared/api/outcome';
import { startBackend } from '../backend';
import { caseInputs, kernelCases, rand, type KernelCase, type TierMethod } from './kernelCases';
import { referenceTier } from './referenceTier';
import { setActiveTier } from './register';
import { difference } from './difference.test-util';
import type { KernelTier } from './tier';
import { loadTier } from './tiers';
import { tiersRequired } from '../../../tests/requireTools.test-util';

/**
 * Every kernel the glue routes, on every tier, through tfjs (forward and tf.grads of a weighted
 * sum) against the cpu backend. The reference tier always runs; native and simd run where their
 * loaders succeed and are skipped with the loader's reason otherwise — except in CI, which
 * installs what both need, where a tier that does not load fails.
 */

/** Forward output then each input's gradient, as plain arrays. */
async function evaluate(backend: string, c: KernelCase): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const inputs = caseInputs(c);
  const y = c.f(...inputs);
  const weights = rand(y.shape, 5);
  // A weighted sum makes every output position's gradient distinct.
  const grads = c.forwardOnly === true ? [] : tf.grads((...t: tf.Tensor[]) => tf.sum(tf.mul(c.f(...t), weights)))(inputs);
  const out = await Promise.all([y, ...grads].map(async (g) => Float32Array.from(await g.data())));
  tf.dispose([y, weights, ...grads, ...inputs]);
  return out;
}

function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const { worst, largest } = difference(actual, expected);
  expect(largest, `${what} is all zeros: the case tests nothing`).toBeGreaterThan(0);
  expect(worst, what).toBeLessThan(1e-4 * Math.max(1, largest));
}

/** The tier with a count of calls per method (to prove a case reached it). */
function counting(tier: KernelTier): { tier: KernelTier; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped: KernelTier = new Proxy(tier, {
    get(target, key, receiver): unknown {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]): unknown => {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { tier: wrapped, calls };
}

type TierSource = { readonly label: string; readonly load: () => Promise<Outcome<KernelTier>> };

const tiers: readonly TierSource[] = [
  { label: 'reference', load: () => Promise.resolve(success(referenceTier)) },
  { label: 'native', load: () => loadTier('native') },
  { label: 'simd', load: () => loadTier('simd') },
];

beforeAll(async () => {
  const started = await startBackend('wasm');
  expect(started.ok).toBe(true);
});

afterAll(() => setActiveTier(null));

describe.each(tiers)('$label tier through tfjs matches the cpu backend', ({ label, load }) => {
  let loaded: { tier: KernelTier; calls: Map<string, number> } | null = null;
  let reason = '';

  beforeAll(async () => {
    const result = await load();
    if (result.ok) loaded = counting(result.value);
    else reason = result.error.message;
  });

  it('loads', () => {
    if (loaded === null && tiersRequired) throw new Error(`the ${label} tier must load in CI: ${reason}`);
    if (loaded === null) console.warn(`skipping the ${label} tier's kernel tests: ${reason}`);
  });

  it.for(kernelCases)('$name', async (c, ctx) => {
    if (loaded === null) {
      ctx.skip(`the ${label} tier did not load: ${reason}`);
      return;
    }
    const cpu = await evaluate('cpu', c);
    await tf.setBackend('wasm');
    setActiveTier(loaded.tier);
    loaded.calls.clear();
    let got: Float32Array[];
    try {
      got = await evaluate('wasm', c);
    } finally {
      setActiveTier(null);
    }
    const missed = c.uses.filter((m: TierMethod) => (loaded?.calls.get(m) ?? 0) === 0);
    expect(missed, 'tier methods this case should reach').toEqual([]);
    expect(got.length).toBe(cpu.length);
    cpu.forEach((v, i) => expectClose(got[i] ?? new Float32Array(), v, i === 0 ? 'forward' : `gradient ${i}`));
  });
});
