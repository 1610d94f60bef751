import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend';
import { difference } from '../kernels/difference.test-util';
import { caseInputs, conv2dTransposeCase, convCase, matMulCase, rand, separableCase, t4, type KernelCase } from '../kernels/kernelCases';

/** Gradients on wasm (with our patches) against the cpu backend, on small random problems. */

/** What this test reads of a case (the tiers' `uses` does not apply: no tier is active here). */
type Case = Pick<KernelCase, 'name' | 'shapes' | 'offset' | 'f'>;

const cases: Case[] = [
  convCase('conv2d', 'conv2d valid', [2, 7, 6, 3], [3, 3, 3, 4], 1, 'valid'),
  convCase('conv2d', 'conv2d same stride 2', [2, 7, 8, 2], [3, 3, 2, 5], 2, 'same'),
  convCase('conv2d', 'conv2d 5x5 same one channel', [3, 9, 9, 1], [5, 5, 1, 4], 1, 'same'),
  conv2dTransposeCase,
  convCase('depthwiseConv2d', 'depthwise same', [2, 6, 6, 3], [3, 3, 3, 2], 1, 'same'),
  convCase('depthwiseConv2d', 'depthwise stride 2 valid', [2, 7, 7, 2], [3, 3, 2, 1], 2, 'valid'),
  separableCase,
  { name: 'maxPool all negative', shapes: [[2, 6, 6, 3]], offset: -2, f: (x) => tf.maxPool(t4(x), 2, 2, 'valid') },
  { name: 'maxPool same 3x3 stride 2', shapes: [[2, 7, 7, 2]], f: (x) => tf.maxPool(t4(x), 3, 2, 'same') },
  { name: 'avgPool same', shapes: [[2, 7, 7, 2]], f: (x) => tf.avgPool(t4(x), 2, 2, 'same') },
  // BatchMatMul's transposed fast path: forward with each transpose, and every backward pass
  // (dA = dY·Bᵀ, dB = Aᵀ·dY) goes through it too.
  matMulCase('matMul', [5, 7], [7, 3]),
  matMulCase('matMul transposeA', [7, 5], [7, 3], { transposeA: true }),
  matMulCase('matMul transposeB', [5, 7], [3, 7], { transposeB: true }),
  matMulCase('batched matMul, both transposed', [2, 7, 5], [2, 3, 7], { transposeA: true, transposeB: true }),
];

async function gradsOn(backend: string, c: Case): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const inputs = caseInputs(c);
  // A weighted sum makes every output position's gradient distinct.
  const loss = (...t: tf.Tensor[]): tf.Scalar => {
    const y = c.f(...t);
    return tf.sum(tf.mul(y, rand(y.shape, 5)));
  };
  const grads = tf.grads(loss)(inputs);
  const out = await Promise.all(grads.map(async (g) => Float32Array.from(await g.data())));
  tf.dispose([...grads, ...inputs]);
  return out;
}

describe('wasm kernel patches match the cpu backend', () => {
  beforeAll(async () => {
    const started = await startBackend('wasm');
    expect(started.ok).toBe(true);
  });

  it.each(cases)('$name', async (c) => {
    const cpu = await gradsOn('cpu', c);
    const wasm = await gradsOn('wasm', c);
    expect(wasm.length).toBe(cpu.length);
    cpu.forEach((g, i) => {
      const w = wasm[i] ?? new Float32Array();
      expect(w.length).toBe(g.length);
      const { worst, largest } = difference(w, g);
      expect(largest).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1e-4 * Math.max(1, largest));
    });
  });
});
