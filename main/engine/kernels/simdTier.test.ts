import '@tensorflow/tfjs-backend-cpu';
// tfjs-layers' bundle registers tfjs's gradients (tfjs-core alone registers none).
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometry } from './glue';
import { difference } from './difference.test-util';
import { startSimdTier, type SimdTier } from './simdTier';
import type { ConvGeometry, KernelTier } from './tier';
import { referenceTier } from './referenceTier';

/**
 * Every SIMD tier method called directly against tfjs's cpu backend: forward ops, and tf.grad of
 * Σ f(x)·dy for the gradients (the plain-TypeScript reference tier for dilated backprops, which
 * tfjs cannot differentiate),
 * on 1 and 2 threads. Shapes are odd on purpose: tiles of 4×8, K blocks of 640 and N blocks of 512
 * all have ragged edges here.
 */

function rand(shape: readonly number[], seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  const v = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < v.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    v[i] = s / 2 ** 32 - 0.5;
  }
  return v;
}

function close(got: Float32Array, want: Float32Array | Int32Array | Uint8Array, what: string): void {
  expect(got.length, what).toBe(want.length);
  const { worst, largest } = difference(got, want);
  const scale = Math.max(1, largest);
  expect(worst, `${what}: max |simd − cpu| ${worst} (scale ${scale})`).toBeLessThanOrEqual(2e-5 * scale);
}

const as4d = (t: tf.Tensor): tf.Tensor4D => tf.reshape<tf.Rank.R4>(t, [t.shape[0] ?? 1, t.shape[1] ?? 1, t.shape[2] ?? 1, t.shape[3] ?? 1]);

const values = (t: tf.Tensor): Float32Array => {
  const d = t.dataSync();
  return d instanceof Float32Array ? d : Float32Array.from(d);
};

type Pad = 'same' | 'valid';
interface ConvCase {
  x: [number, number, number, number];
  w: [number, number, number, number];
  s: [number, number];
  pad: Pad;
  d: number;
}

const convCases: ConvCase[] = [
  { x: [2, 7, 6, 3], w: [3, 3, 3, 5], s: [1, 1], pad: 'valid', d: 1 },
  { x: [2, 8, 7, 2], w: [3, 3, 2, 9], s: [2, 2], pad: 'same', d: 1 },
  { x: [1, 8, 8, 3], w: [4, 4, 3, 3], s: [2, 2], pad: 'same', d: 1 },
  { x: [1, 9, 7, 3], w: [2, 3, 3, 2], s: [2, 1], pad: 'valid', d: 1 },
  { x: [3, 9, 9, 1], w: [5, 5, 1, 17], s: [1, 1], pad: 'same', d: 1 },
  // K = 3·3·75 = 675 > 640: two K blocks, the second accumulating (backprop input: 3·3·7 = 63).
  { x: [2, 6, 5, 75], w: [3, 3, 75, 7], s: [1, 1], pad: 'same', d: 1 },
  // Backprop input as a convolution with K = 3·3·75 = 675 (two K blocks there).
  { x: [2, 5, 6, 4], w: [3, 3, 4, 75], s: [1, 1], pad: 'valid', d: 1 },
  // kW·inC a multiple of 8 and outC of 4: the filter gradient reads x and dy in place (filter.c),
  // with runs over the padding copied, rows outside pointing at zeros, dilated rows copied.
  { x: [2, 7, 6, 8], w: [3, 3, 8, 4], s: [1, 1], pad: 'valid', d: 1 },
  { x: [3, 9, 8, 8], w: [3, 3, 8, 12], s: [2, 2], pad: 'same', d: 1 },
  { x: [1, 6, 7, 16], w: [5, 1, 16, 8], s: [1, 2], pad: 'same', d: 1 },
  { x: [2, 9, 9, 4], w: [3, 2, 4, 8], s: [1, 1], pad: 'same', d: 2 },
  { x: [2, 9, 8, 2], w: [3, 3, 2, 3], s: [1, 1], pad: 'same', d: 2 },
  { x: [1, 11, 10, 3], w: [3, 2, 3, 4], s: [1, 1], pad: 'valid', d: 2 },
];

const name = (c: ConvCase): string => `x ${c.x.join('×')}, w ${c.w.join('×')}, strides ${c.s.join(',')}, ${c.pad}, dilation ${c.d}`;

type ConvOp = 'conv2d' | 'depthwiseConv2d';
const convMethods = {
  conv2d: { forward: 'conv2d', input: 'conv2dBackpropInput', filter: 'conv2dBackpropFilter', label: '' },
  depthwiseConv2d: { forward: 'depthwiseConv2d', input: 'depthwiseConv2dBackpropInput', filter: 'depthwiseConv2dBackpropFilter', label: 'depthwise ' },
} as const;
const tfConv = (op: ConvOp, x: tf.Tensor4D, w: tf.Tensor4D, c: ConvCase): tf.Tensor4D =>
  op === 'conv2d' ? tf.conv2d(x, w, c.s, c.pad, 'NHWC', c.d) : tf.depthwiseConv2d(x, w, c.s, c.pad, 'NHWC', c.d);

/** A conv-like op forward (linear, then bias + relu) and both backprops on the tier against tfjs (the reference tier when dilated); `seed` and the next three seed the inputs. */
function expectConvAndBackprops(tier: KernelTier, op: ConvOp, c: ConvCase, seed: number): void {
  const m = convMethods[op];
  const info = tf.backend_util.computeConv2DInfo(c.x, c.w, c.s, c.d, c.pad, undefined, op === 'depthwiseConv2d');
  const g = geometry(info);
  const xv = rand(c.x, seed),
    wv = rand(c.w, seed + 1),
    bias = rand([g.outC], seed + 2),
    dyv = rand(info.outShape, seed + 3);
  const x = tf.tensor4d(xv, c.x),
    w = tf.tensor4d(wv, c.w),
    dy = tf.tensor4d(dyv, info.outShape);
  const what = `${m.label}${name(c)}`;

  const out = new Float32Array(dyv.length);
  tier[m.forward](g, xv, wv, null, 'linear', out);
  close(out, values(tfConv(op, x, w, c)), `${what} forward`);
  tier[m.forward](g, xv, wv, bias, 'relu', out);
  close(out, values(tf.relu(tf.add(tfConv(op, x, w, c), tf.tensor1d(bias)))), `${what} bias + relu`);

  const dx = new Float32Array(xv.length),
    dw = new Float32Array(wv.length);
  tier[m.input](g, dyv, wv, dx);
  tier[m.filter](g, xv, dyv, dw);
  if (c.d === 1) {
    const loss = (xx: tf.Tensor4D, ww: tf.Tensor4D): tf.Scalar => tf.sum(tf.mul(tfConv(op, xx, ww, c), dy));
    close(dx, values(tf.grad((xx: tf.Tensor) => loss(as4d(xx), w))(x)), `${what} backprop input`);
    close(dw, values(tf.grad((ww: tf.Tensor) => loss(x, as4d(ww)))(w)), `${what} backprop filter`);
  } else {
    const rdx = new Float32Array(dx.length),
      rdw = new Float32Array(dw.length);
    referenceTier[m.input](g, dyv, wv, rdx);
    referenceTier[m.filter](g, xv, dyv, rdw);
    close(dx, rdx, `${what} backprop input`);
    close(dw, rdw, `${what} backprop filter`);
  }
}

let tiers: SimdTier[] = [];

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  for (const threads of [1, 2]) {
    // Every job split between the threads, however small (by default small ones run alone).
    const t = await startSimdTier(threads, { aloneBelow: 0 });
    if (!t.ok) throw new Error(t.error.message);
    tiers.push(t.value);
  }
});

afterAll(async () => {
  await Promise.all(tiers.map((t) => t.dispose()));
  tiers = [];
});

describe.each([1, 2])('SIMD tier, %i thread(s)', (threads) => {
  const tier = (): SimdTier => {
    const t = tiers.find((x) => x.threads === threads);
    if (t === undefined) throw new Error('tier not started');
    return t;
  };

  it('says what it is', () => {
    expect(tier().name).toBe('simd');
    expect(tier().detail).toBe(`SIMD128 wasm kernels, ${threads} thread${threads === 1 ? '' : 's'}`);
  });

  it.each(convCases)('conv2d and its backprops: %s', (c) => expectConvAndBackprops(tier(), 'conv2d', c, 1));

  it('conv2d with strides and dilation at once (tfjs has neither; the reference tier)', () => {
    const g: ConvGeometry = {
      batch: 2,
      inH: 11,
      inW: 9,
      inC: 3,
      outH: 5,
      outW: 5,
      outC: 4,
      kH: 3,
      kW: 2,
      strideH: 2,
      strideW: 2,
      dilationH: 2,
      dilationW: 3,
      padTop: 1,
      padLeft: 1,
    };
    const xv = rand([2, 11, 9, 3], 21),
      wv = rand([3, 2, 3, 4], 22),
      dyv = rand([2, 5, 5, 4], 23);
    const got = { out: new Float32Array(dyv.length), dx: new Float32Array(xv.length), dw: new Float32Array(wv.length) };
    const want = { out: new Float32Array(dyv.length), dx: new Float32Array(xv.length), dw: new Float32Array(wv.length) };
    for (const [t, o] of [
      [tier(), got],
      [referenceTier, want],
    ] as const) {
      t.conv2d(g, xv, wv, null, 'linear', o.out);
      t.conv2dBackpropInput(g, dyv, wv, o.dx);
      t.conv2dBackpropFilter(g, xv, dyv, o.dw);
    }
    close(got.out, want.out, 'forward');
    close(got.dx, want.dx, 'backprop input');
    close(got.dw, want.dw, 'backprop filter');
  });

  const dwCases: ConvCase[] = [
    { x: [2, 6, 6, 5], w: [3, 3, 5, 1], s: [1, 1], pad: 'same', d: 1 },
    { x: [1, 7, 7, 3], w: [3, 3, 3, 2], s: [2, 2], pad: 'valid', d: 1 },
    { x: [2, 8, 7, 8], w: [2, 3, 8, 1], s: [2, 1], pad: 'same', d: 1 },
    { x: [2, 9, 9, 2], w: [3, 3, 2, 3], s: [1, 1], pad: 'same', d: 2 },
  ];
  it.each(dwCases)('depthwise and its backprops: %s', (c) => expectConvAndBackprops(tier(), 'depthwiseConv2d', c, 5));

  const mmCases = [
    { batch: 1, m: 5, k: 7, n: 3, ta: false, tb: false, aB: 1, bB: 1 },
    { batch: 1, m: 13, k: 9, n: 19, ta: true, tb: false, aB: 1, bB: 1 },
    { batch: 1, m: 7, k: 11, n: 10, ta: false, tb: true, aB: 1, bB: 1 },
    { batch: 1, m: 9, k: 6, n: 17, ta: true, tb: true, aB: 1, bB: 1 },
    { batch: 3, m: 4, k: 5, n: 2, ta: false, tb: false, aB: 3, bB: 3 },
    { batch: 3, m: 4, k: 5, n: 9, ta: false, tb: true, aB: 3, bB: 1 },
    { batch: 2, m: 7, k: 3, n: 5, ta: true, tb: false, aB: 1, bB: 2 },
    // Past one K block (640), one N block (512) and one M block (96), with ragged tiles.
    { batch: 1, m: 101, k: 700, n: 530, ta: false, tb: false, aB: 1, bB: 1 },
    { batch: 1, m: 1, k: 777, n: 9, ta: true, tb: true, aB: 1, bB: 1 },
  ];
  it.each(mmCases)('matMul %o', (c) => {
    const aShape = [c.aB, c.ta ? c.k : c.m, c.ta ? c.m : c.k],
      bShape = [c.bB, c.tb ? c.n : c.k, c.tb ? c.k : c.n];
    const av = rand(aShape, 9),
      bv = rand(bShape, 10),
      bias = rand([c.n], 11);
    const g = { batch: c.batch, aBatch: c.aB, bBatch: c.bB, m: c.m, k: c.k, n: c.n, transA: c.ta, transB: c.tb };
    const out = new Float32Array(c.batch * c.m * c.n);
    const a = tf.tensor3d(av, [aShape[0] ?? 1, aShape[1] ?? 1, aShape[2] ?? 1]);
    const b = tf.tensor3d(bv, [bShape[0] ?? 1, bShape[1] ?? 1, bShape[2] ?? 1]);
    // tfjs broadcasts batch 1 against the other operand's batch.
    const want = tf.matMul(c.aB === 1 ? tf.tile(a, [c.batch, 1, 1]) : a, c.bB === 1 ? tf.tile(b, [c.batch, 1, 1]) : b, c.ta, c.tb);
    tier().matMul(g, av, bv, null, 'linear', out);
    close(out, values(want), 'matMul');
    tier().matMul(g, av, bv, bias, 'relu', out);
    close(out, values(tf.relu(tf.add(want, tf.tensor1d(bias)))), 'matMul bias + relu');
  });

  const poolCases: { x: [number, number, number, number]; k: [number, number]; s: [number, number]; pad: Pad }[] = [
    { x: [2, 6, 6, 5], k: [2, 2], s: [2, 2], pad: 'valid' },
    { x: [2, 7, 7, 2], k: [3, 3], s: [2, 2], pad: 'same' },
    { x: [1, 5, 6, 9], k: [2, 3], s: [1, 1], pad: 'valid' },
    { x: [1, 8, 7, 3], k: [3, 2], s: [2, 1], pad: 'same' },
  ];
  it.each(poolCases)('pools and their gradients: %o', (c) => {
    const info = tf.backend_util.computePool2DInfo(c.x, c.k, c.s, 1, c.pad);
    const g = geometry(info);
    const xv = rand(c.x, 12),
      dyv = rand(info.outShape, 13);
    const x = tf.tensor4d(xv, c.x),
      dy = tf.tensor4d(dyv, info.outShape);
    const out = new Float32Array(dyv.length),
      dx = new Float32Array(xv.length);
    tier().maxPool(g, xv, out);
    close(out, values(tf.maxPool(x, c.k, c.s, c.pad)), 'maxPool');
    tier().maxPoolGrad(g, xv, dyv, dx);
    close(dx, values(tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(as4d(xx), c.k, c.s, c.pad), dy)))(x)), 'maxPoolGrad');
    tier().avgPool(g, xv, out);
    close(out, values(tf.avgPool(x, c.k, c.s, c.pad)), 'avgPool');
    tier().avgPoolGrad(g, dyv, dx);
    close(dx, values(tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(as4d(xx), c.k, c.s, c.pad), dy)))(x)), 'avgPoolGrad');
  });

  it('maxPoolGrad gives a tied window its gradient once, at the first max', () => {
    const xv = new Float32Array([1, 3, 3, 1, 3, 0, 0, 3]);
    const info = tf.backend_util.computePool2DInfo([1, 2, 4, 1], [2, 2], [2, 2], 1, 'valid');
    const dx = new Float32Array(8);
    tier().maxPoolGrad(geometry(info), xv, new Float32Array([5, 7]), dx);
    expect(Array.from(dx)).toEqual([0, 5, 7, 0, 0, 0, 0, 0]);
  });

  it('reluGrad and sumRows', () => {
    const n = 1031,
      rows = 517,
      cols = 13;
    const dyv = rand([n], 14),
      yv = rand([n], 15);
    yv[3] = 0;
    const out = new Float32Array(n);
    tier().reluGrad(dyv, yv, out);
    close(out, values(tf.mul(tf.tensor1d(dyv), tf.step(tf.tensor1d(yv)))), 'reluGrad');
    const xv = rand([rows, cols], 16),
      sums = new Float32Array(cols);
    tier().sumRows(xv, rows, cols, sums);
    close(sums, values(tf.sum(tf.tensor2d(xv, [rows, cols]), 0)), 'sumRows');
  });

  it('gives the same bits run after run (both filter-gradient paths)', () => {
    for (const c of [
      { x: [8, 14, 13, 6], w: [3, 3, 6, 10] },
      { x: [8, 14, 13, 8], w: [3, 3, 8, 16] },
    ] as const) {
      const info = tf.backend_util.computeConv2DInfo([...c.x], [...c.w], 1, 1, 'same');
      const g = geometry(info);
      const xv = rand(c.x, 17),
        dyv = rand(info.outShape, 18);
      const first = new Float32Array(c.w.reduce((a, b) => a * b, 1)),
        second = new Float32Array(first.length);
      tier().conv2dBackpropFilter(g, xv, dyv, first);
      tier().conv2dBackpropFilter(g, xv, dyv, second);
      expect(Buffer.from(second.buffer).equals(Buffer.from(first.buffer))).toBe(true);
    }
  });

  it('refuses arrays that do not match the geometry', () => {
    const info = tf.backend_util.computeConv2DInfo([1, 4, 4, 2], [3, 3, 2, 2], 1, 1, 'valid');
    expect(() => tier().conv2d(geometry(info), new Float32Array(31), new Float32Array(36), null, 'linear', new Float32Array(8))).toThrow(/x has 31 floats/);
  });
});

describe('SIMD tier threads', () => {
  it('3 threads share blocks of a batched matMul with fewer matrices than threads', async () => {
    const started = await startSimdTier(3, { aloneBelow: 0 });
    if (!started.ok) throw new Error(started.error.message);
    const t = started.value;
    try {
      for (const [transA, transB] of [
        [false, false],
        [true, true],
      ] as const) {
        const g = { batch: 2, aBatch: 2, bBatch: 2, m: 37, k: 11, n: 29, transA, transB };
        const av = rand([2, 37, 11], 27),
          bv = rand([2, 11, 29], 28);
        const out = new Float32Array(2 * 37 * 29);
        t.matMul(g, av, bv, null, 'linear', out);
        const a = tf.tensor3d(av, transA ? [2, 11, 37] : [2, 37, 11]),
          b = tf.tensor3d(bv, transB ? [2, 29, 11] : [2, 11, 29]);
        close(out, values(tf.matMul(a, b, transA, transB)), `batched matMul, transposes ${transA} ${transB}`);
      }
      const g = { batch: 2, aBatch: 2, bBatch: 2, m: 5, k: 7, n: 97, transA: false, transB: false };
      const av = rand([2, 5, 7], 29),
        bv = rand([2, 7, 97], 30),
        out = new Float32Array(2 * 5 * 97);
      t.matMul(g, av, bv, null, 'linear', out);
      close(out, values(tf.matMul(tf.tensor3d(av, [2, 5, 7]), tf.tensor3d(bv, [2, 7, 97]))), 'batched matMul cut along N');
    } finally {
      await t.dispose();
    }
  });

  it('runs small jobs on the calling thread alone by default, with the same results', async () => {
    const started = await startSimdTier(2);
    if (!started.ok) throw new Error(started.error.message);
    const t = started.value;
    try {
      const info = tf.backend_util.computeConv2DInfo([1, 6, 5, 3], [3, 3, 3, 4], 1, 1, 'same');
      const g = geometry(info);
      const xv = rand([1, 6, 5, 3], 24),
        wv = rand([3, 3, 3, 4], 25),
        dyv = rand(info.outShape, 26);
      const dw = new Float32Array(wv.length),
        ref = new Float32Array(wv.length);
      t.conv2dBackpropFilter(g, xv, dyv, dw);
      referenceTier.conv2dBackpropFilter(g, xv, dyv, ref);
      close(dw, ref, 'small filter gradient');
    } finally {
      await t.dispose();
    }
  });

  it('1 and 2 threads give the same bits for conv forward and backprop input (blocks claimed dynamically)', () => {
    const info = tf.backend_util.computeConv2DInfo([3, 20, 19, 4], [3, 3, 4, 11], 1, 1, 'same');
    const g = geometry(info);
    const xv = rand([3, 20, 19, 4], 19),
      wv = rand([3, 3, 4, 11], 20),
      dyv = rand(info.outShape, 21);
    const same = (f: (t: SimdTier, out: Float32Array) => void, n: number): boolean => {
      const [one, two] = tiers.map((t) => {
        const out = new Float32Array(n);
        f(t, out);
        return Buffer.from(out.buffer);
      });
      return one !== undefined && two !== undefined && one.equals(two);
    };
    expect(same((t, out) => t.conv2d(g, xv, wv, null, 'linear', out), dyv.length)).toBe(true);
    expect(same((t, out) => t.conv2dBackpropInput(g, dyv, wv, out), xv.length)).toBe(true);
  });
});
