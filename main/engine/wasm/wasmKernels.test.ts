import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend';

/** Gradients on wasm (with our patches) against the cpu backend, on small random problems. */

function rand(shape: number[], seed: number, offset = 0): tf.Tensor {
  let s = seed >>> 0;
  const size = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    v[i] = s / 2 ** 32 - 0.5 + offset;
  }
  return tf.tensor(v, shape);
}

type Case = { name: string; shapes: number[][]; offset?: number; f: (...t: tf.Tensor[]) => tf.Tensor };

const cases: Case[] = [
  {
    name: 'conv2d valid',
    shapes: [
      [2, 7, 6, 3],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'),
  },
  {
    name: 'conv2d same stride 2',
    shapes: [
      [2, 7, 8, 2],
      [3, 3, 2, 5],
    ],
    f: (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'),
  },
  {
    name: 'conv2d 5x5 same one channel',
    shapes: [
      [3, 9, 9, 1],
      [5, 5, 1, 4],
    ],
    f: (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'),
  },
  {
    name: 'conv2dTranspose stride 2',
    shapes: [
      [2, 4, 4, 3],
      [3, 3, 2, 3],
    ],
    f: (x, w) => tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [2, 8, 8, 2], 2, 'same'),
  },
  {
    name: 'depthwise same',
    shapes: [
      [2, 6, 6, 3],
      [3, 3, 3, 2],
    ],
    f: (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'),
  },
  {
    name: 'depthwise stride 2 valid',
    shapes: [
      [2, 7, 7, 2],
      [3, 3, 2, 1],
    ],
    f: (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'valid'),
  },
  {
    name: 'separable',
    shapes: [
      [1, 6, 6, 2],
      [3, 3, 2, 2],
      [1, 1, 4, 3],
    ],
    f: (x, d, p) => tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, 1, 'same'),
  },
  { name: 'maxPool all negative', shapes: [[2, 6, 6, 3]], offset: -2, f: (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid') },
  { name: 'maxPool same 3x3 stride 2', shapes: [[2, 7, 7, 2]], f: (x) => tf.maxPool(x as tf.Tensor4D, 3, 2, 'same') },
  { name: 'avgPool same', shapes: [[2, 7, 7, 2]], f: (x) => tf.avgPool(x as tf.Tensor4D, 2, 2, 'same') },
  // BatchMatMul's transposed fast path: forward with each transpose, and every backward pass
  // (dA = dY·Bᵀ, dB = Aᵀ·dY) goes through it too.
  {
    name: 'matMul',
    shapes: [
      [5, 7],
      [7, 3],
    ],
    f: (a, b) => tf.matMul(a, b),
  },
  {
    name: 'matMul transposeA',
    shapes: [
      [7, 5],
      [7, 3],
    ],
    f: (a, b) => tf.matMul(a, b, true, false),
  },
  {
    name: 'matMul transposeB',
    shapes: [
      [5, 7],
      [3, 7],
    ],
    f: (a, b) => tf.matMul(a, b, false, true),
  },
  {
    name: 'batched matMul, both transposed',
    shapes: [
      [2, 7, 5],
      [2, 3, 7],
    ],
    f: (a, b) => tf.matMul(a, b, true, true),
  },
];

async function gradsOn(backend: string, c: Case): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const inputs = c.shapes.map((s, i) => rand(s, 17 + i * 31, i === 0 ? (c.offset ?? 0) : 0));
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
      let maxErr = 0;
      let maxAbs = 0;
      g.forEach((v, j) => {
        maxErr = Math.max(maxErr, Math.abs(v - (w[j] ?? NaN)));
        maxAbs = Math.max(maxAbs, Math.abs(v));
      });
      expect(maxAbs).toBeGreaterThan(0);
      expect(maxErr).toBeLessThan(1e-4 * Math.max(1, maxAbs));
    });
  });
});
