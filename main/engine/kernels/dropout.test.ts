import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend';
import { referenceTier } from './referenceTier';
import { setActiveTier } from './register';

/** tf.dropout while a tier is active: tfjs-core's semantics (keep with probability 1 − rate, scale by 1/keep, gradient dy·mask), our mask. */

beforeAll(async () => {
  expect((await startBackend('wasm')).ok).toBe(true);
  setActiveTier(referenceTier);
});

afterAll(() => setActiveTier(null));

describe('dropout on a tier', () => {
  it('keeps about 1 − rate of the elements, scaled by 1/keep, and its gradient is the mask', async () => {
    const x = tf.add(tf.randomUniform([50, 20, 20], 0, 1, 'float32', 3), 1);
    const rate = 0.25;
    const [y, [dx]] = [tf.dropout(x, rate), tf.grads((t: tf.Tensor) => tf.sum(tf.dropout(t, rate, undefined, 9)))([x])];
    const xs = await x.data();
    const ys = await y.data();
    let kept = 0;
    ys.forEach((v, i) => {
      if (v !== 0) {
        kept++;
        expect(Math.abs(v - (xs[i] ?? 0) / 0.75)).toBeLessThan(1e-5);
      }
    });
    expect(kept / ys.length).toBeGreaterThan(0.73);
    expect(kept / ys.length).toBeLessThan(0.77);
    const g = await (dx ?? tf.scalar(0)).data();
    expect(new Set(Array.from(g).map((v) => v.toFixed(5)))).toEqual(new Set(['0.00000', (1 / 0.75).toFixed(5)]));
    tf.dispose([x, y, dx ?? tf.scalar(0)]);
  });

  it('the same seed gives the same mask; another seed another', async () => {
    const x = tf.ones([1000]);
    const a = await tf.dropout(x, 0.5, undefined, 4).data();
    const b = await tf.dropout(x, 0.5, undefined, 4).data();
    const c = await tf.dropout(x, 0.5, undefined, 5).data();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });
});
