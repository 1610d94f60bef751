import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers';
import { cpuFeatures, cpuMismatch, loadNativeTier, nativeAddon, nativeAddonCandidates, nativeDetail, setNativeGemm } from './nativeTier';
import { geometry } from './glue';
import { difference } from './difference.test-util';
import type { KernelTier } from './tier';
import { tiersRequired } from '../../../tests/requireTools.test-util';

/**
 * The native tier's kernels against tfjs's cpu backend, with each GEMM the addon has (OpenBLAS or
 * Accelerate when linked, and the built-in one): odd shapes, strides 1 and 2, same/valid padding,
 * dilation 2, batch 1, transposes, sizes that take several chunks and both threads. Inputs and
 * outputs are views at an offset inside larger arrays, as tfjs-wasm's heap views are, and the
 * cells around each output must stay untouched. Dilated gradients come from tfjs on the
 * equivalent undilated filter (tfjs has no dilated conv gradients).
 */

const load = loadNativeTier();
const raw = nativeAddon();
const gemms: ('own' | 'blas')[] = raw.ok && raw.value.addon.info().blas !== null ? ['blas', 'own'] : ['own'];

type Pad = 'same' | 'valid';
type Shape4 = [number, number, number, number];

let seed = 7;
function random(n: number, offset = 0, integers = false): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const u = seed / 2147483648 - 0.5;
    a[i] = (integers ? Math.round(u * 4) : u * 2) + offset;
  }
  return a;
}

const GUARD = 5;
/** `data` copied into a larger array at an offset; returns the view. */
function inHeap(data: Float32Array): Float32Array {
  const heap = new Float32Array(data.length + 2 * GUARD).fill(-777);
  heap.set(data, GUARD);
  return heap.subarray(GUARD, GUARD + data.length);
}
/** An output view whose neighbours must keep their -777. */
function outView(n: number): Float32Array {
  return new Float32Array(n + 2 * GUARD).fill(-777).subarray(GUARD, GUARD + n);
}
function expectGuarded(view: Float32Array): void {
  const all = new Float32Array(view.buffer);
  for (let i = 0; i < GUARD; i++) {
    expect(all[i]).toBe(-777);
    expect(all[all.length - 1 - i]).toBe(-777);
  }
}

function expectClose(actual: Float32Array, expected: Float32Array | Int32Array | Uint8Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const { worst, largest } = difference(actual, expected);
  const scale = Math.max(1, largest);
  expect(worst / scale, `${what}: max |difference| ${worst} (scale ${scale})`).toBeLessThan(2e-5);
  expectGuarded(actual);
}

/** A dilated filter as the equivalent undilated one (zeros between the taps). */
function undilate(w: Float32Array, shape: Shape4, d: number): { data: Float32Array; shape: Shape4 } {
  const [kh, kw, i, o] = shape;
  const eh = (kh - 1) * d + 1,
    ew = (kw - 1) * d + 1,
    inner = i * o;
  const data = new Float32Array(eh * ew * inner);
  for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) data.set(w.subarray((a * kw + b) * inner, (a * kw + b + 1) * inner), (a * d * ew + b * d) * inner);
  return { data, shape: [eh, ew, i, o] };
}
function pickTaps(dwExp: Float32Array, shape: Shape4, d: number): Float32Array {
  const [kh, kw, i, o] = shape;
  const ew = (kw - 1) * d + 1,
    inner = i * o;
  const out = new Float32Array(kh * kw * inner);
  for (let a = 0; a < kh; a++)
    for (let b = 0; b < kw; b++) out.set(dwExp.subarray((a * d * ew + b * d) * inner, (a * d * ew + b * d + 1) * inner), (a * kw + b) * inner);
  return out;
}

interface ConvCase {
  readonly name: string;
  readonly x: Shape4;
  readonly w: Shape4;
  readonly strides: number | [number, number];
  readonly pad: Pad;
  readonly dilation?: number;
  readonly bias?: boolean;
  readonly relu?: boolean;
}

const convCases: ConvCase[] = [
  { name: 'valid, odd shapes', x: [2, 7, 6, 3], w: [3, 3, 3, 4], strides: 1, pad: 'valid' },
  { name: 'same, stride 2, bias + relu', x: [2, 7, 8, 2], w: [3, 3, 2, 5], strides: 2, pad: 'same', bias: true, relu: true },
  { name: 'batch 1, 2×3 kernel, strides [2, 1]', x: [1, 8, 7, 3], w: [2, 3, 3, 2], strides: [2, 1], pad: 'valid', bias: true },
  { name: 'same, stride 2, even input (asymmetric padding)', x: [2, 8, 8, 3], w: [4, 4, 3, 3], strides: 2, pad: 'same' },
  { name: 'dilation 2, same', x: [2, 9, 8, 2], w: [3, 3, 2, 3], strides: 1, pad: 'same', dilation: 2 },
  { name: 'dilation 2, valid, batch 1', x: [1, 9, 9, 3], w: [3, 2, 3, 2], strides: 1, pad: 'valid', dilation: 2, relu: true },
  { name: '1×1 stride 1 (no im2col)', x: [3, 5, 6, 7], w: [1, 1, 7, 9], strides: 1, pad: 'valid', bias: true, relu: true },
  { name: '1×1 stride 2', x: [1, 7, 7, 4], w: [1, 1, 4, 3], strides: 2, pad: 'same' },
  {
    name: '40 filters (the wide microkernel, a partial panel), same, bias + relu',
    x: [2, 9, 9, 6],
    w: [3, 3, 6, 40],
    strides: 1,
    pad: 'same',
    bias: true,
    relu: true,
  },
  { name: 'several chunks per thread (the Keras CNN conv2 channels)', x: [8, 20, 20, 32], w: [3, 3, 32, 13], strides: 1, pad: 'valid', bias: true, relu: true },
  { name: 'one image larger than a BLAS chunk (scatter within the image)', x: [1, 88, 88, 8], w: [3, 3, 8, 2], strides: 1, pad: 'valid' },
  { name: 'more patches than one BLAS chunk', x: [8, 36, 36, 24], w: [3, 3, 24, 8], strides: 1, pad: 'same' },
];

interface PoolCase {
  readonly name: string;
  readonly x: Shape4;
  readonly size: number | [number, number];
  readonly strides: number | [number, number];
  readonly pad: Pad;
  readonly offset?: number;
  readonly integers?: boolean;
}
const poolCases: PoolCase[] = [
  { name: '2×2 stride 2 valid', x: [2, 8, 8, 5], size: 2, strides: 2, pad: 'valid' },
  { name: '3×3 stride 2 same, all negative (padding never wins)', x: [2, 7, 9, 3], size: 3, strides: 2, pad: 'same', offset: -5 },
  { name: '3×3 stride 1 same, ties (first max wins)', x: [1, 6, 5, 4], size: 3, strides: 1, pad: 'same', integers: true },
  { name: '[2, 3] window, strides [1, 2], batch 1', x: [1, 7, 8, 2], size: [2, 3], strides: [1, 2], pad: 'valid' },
  { name: 'many images and channels (threads)', x: [16, 24, 24, 32], size: 2, strides: 2, pad: 'valid' },
];

type ConvOp = 'conv2d' | 'depthwiseConv2d';
const tfConv = (op: ConvOp, x: tf.Tensor4D, w: tf.Tensor4D, c: ConvCase): tf.Tensor4D =>
  op === 'conv2d' ? tf.conv2d(x, w, c.strides, c.pad) : tf.depthwiseConv2d(x, w, c.strides, c.pad);

function convReference(op: ConvOp, c: ConvCase, x: Float32Array, w: Float32Array, bias: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo) {
  return tf.tidy(() => {
    const d = c.dilation ?? 1;
    const wide = d === 1 ? { data: w, shape: c.w } : undilate(w, c.w, d);
    const xt = tf.tensor4d(x, c.x),
      wt = tf.tensor4d(wide.data, wide.shape),
      dyt = tf.tensor4d(dy, [info.batchSize, info.outHeight, info.outWidth, info.outChannels]);
    let y = tfConv(op, xt, wt, c);
    if (c.bias === true) y = tf.add(y, tf.tensor1d(bias));
    if (c.relu === true) y = tf.relu(y);
    const [dx, dwWide] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tfConv(op, tf.reshape<tf.Rank.R4>(a, c.x), tf.reshape<tf.Rank.R4>(b, wide.shape), c))(
      [xt, wt],
      dyt,
    );
    if (dx === undefined || dwWide === undefined) throw new Error('tfjs gave no gradient');
    const dwAll = new Float32Array(dwWide.dataSync());
    return { y: y.dataSync(), dx: dx.dataSync(), dw: d === 1 ? dwAll : pickTaps(dwAll, c.w, d) };
  });
}

function makeConvInputs(op: ConvOp, c: ConvCase, info: tf.backend_util.Conv2DInfo) {
  const x = inHeap(random(c.x.reduce((a, b) => a * b)));
  const w = inHeap(random(c.w.reduce((a, b) => a * b)));
  const bias = inHeap(random(info.outChannels));
  const dy = inHeap(random(info.batchSize * info.outHeight * info.outWidth * info.outChannels));
  return { x, w, bias, dy, ref: convReference(op, c, x, w, bias, dy, info) };
}
// Inputs and tfjs's answers per case, computed once for both GEMMs (the cpu backend is the slow part).
const convMemo = new Map<string, ReturnType<typeof makeConvInputs>>();
function convInputs(c: ConvCase, info: tf.backend_util.Conv2DInfo): ReturnType<typeof makeConvInputs> {
  const known = convMemo.get(c.name);
  if (known !== undefined) return known;
  const made = makeConvInputs('conv2d', c, info);
  convMemo.set(c.name, made);
  return made;
}

/** One conv-like op's forward pass, input gradient and filter gradient on the tier against tfjs's; returns the filter gradient. */
function expectConvAndGradients(
  { x, w, ref }: ReturnType<typeof makeConvInputs>,
  run: { forward(y: Float32Array): void; input(dx: Float32Array): void; filter(dw: Float32Array): void },
): Float32Array {
  const y = outView(ref.y.length);
  run.forward(y);
  expectClose(y, ref.y, 'forward');
  const dx = outView(x.length);
  run.input(dx);
  expectClose(dx, ref.dx, 'input gradient');
  const dw = outView(w.length);
  run.filter(dw);
  expectClose(dw, ref.dw, 'filter gradient');
  return dw;
}

describe('the CPU check before loading a -march=native build', () => {
  const zen4 = {
    platform: 'linux',
    arch: 'x64',
    model: 'AMD EPYC',
    flags: cpuFeatures('processor: 0\nflags\t: fpu sse sse2 avx avx2 fma avx512f avx512bw pni\n', 'x64'),
  };
  it('reads the instruction-set flags of /proc/cpuinfo', () => {
    expect(zen4.flags).toEqual(['sse', 'sse2', 'avx', 'avx2', 'fma', 'avx512f', 'avx512bw']);
  });
  it('loads on the CPU it was built on or a larger one, refuses one lacking an instruction set', () => {
    expect(cpuMismatch({ ...zen4, flags: ['sse', 'avx2', 'fma'] }, zen4)).toBeNull();
    expect(cpuMismatch(null, zen4)).toBeNull();
    const older = { ...zen4, flags: ['sse', 'sse2', 'avx', 'avx2', 'fma'] };
    expect(cpuMismatch(zen4, older)).toBe('built for a CPU with avx512f, avx512bw, which this one lacks');
    expect(cpuMismatch({ ...zen4, arch: 'arm64' }, zen4)).toMatch(/built for linux\/arm64/);
    const mac = { platform: 'darwin', arch: 'arm64', model: 'Apple M1', flags: [] };
    expect(cpuMismatch({ ...mac, model: 'Apple M3' }, mac)).toBe('built on Apple M3, this CPU is Apple M1');
  });
});

if (!load.ok) {
  describe('native kernel tier', () => {
    if (tiersRequired) {
      it('loads (required in CI)', () => {
        throw new Error(`the native tier must load in CI: ${load.error.message}`);
      });
    } else it.skip(`skipped: ${load.error.message}`, () => {});
  });
} else {
  const tier: KernelTier = load.value;

  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('loads as the native tier and says what it runs on', () => {
    expect(tier.name).toBe('native');
    expect(tier.threads).toBeGreaterThan(0);
    expect(tier.detail).toMatch(/^native kernels (on .+|\(built-in .+ GEMM\)), \d+ threads?( \(BLAS: \d+\))?$/);
    const info = { threads: 2, blas: 'OpenBLAS 0.3.21 (SkylakeX)', blasThreads: 2, gemm: 'blas', isa: 'AVX-512' } as const;
    expect(nativeDetail(info)).toBe('native kernels on OpenBLAS 0.3.21 (SkylakeX), 2 threads');
    expect(nativeDetail({ ...info, blasThreads: 1 })).toBe('native kernels on OpenBLAS 0.3.21 (SkylakeX), 2 threads (BLAS: 1)');
    expect(nativeDetail({ ...info, gemm: 'own', threads: 1 })).toBe('native kernels (built-in AVX-512 GEMM), 1 thread');
    expect(nativeAddonCandidates({ BLOCKPROP_NATIVE_ADDON: '/elsewhere/k.node' })[0]).toBe('/elsewhere/k.node');
  });

  it('refuses arrays shorter than the geometry instead of reading past them', () => {
    const g = geometry(tf.backend_util.computeConv2DInfo([1, 4, 4, 2], [3, 3, 2, 3], 1, 1, 'valid'));
    expect(() => tier.conv2d(g, new Float32Array(31), new Float32Array(54), null, 'linear', new Float32Array(12))).toThrow(
      /x holds 31 floats; the geometry needs 32/,
    );
  });

  for (const gemm of gemms) {
    describe(`with the ${gemm === 'own' ? 'built-in' : 'BLAS'} GEMM`, () => {
      beforeAll(() => {
        expect(setNativeGemm(gemm)).toBe(true);
        expect(tier.detail).toContain(gemm === 'own' ? 'built-in' : ' on ');
      });

      for (const c of convCases) {
        it(`conv2d and both gradients: ${c.name}`, () => {
          const d = c.dilation ?? 1;
          const info = tf.backend_util.computeConv2DInfo(c.x, c.w, c.strides, d, c.pad);
          const g = geometry(info);
          const inputs = convInputs(c, info);
          const { x, w, bias, dy } = inputs;
          const dw = expectConvAndGradients(inputs, {
            forward: (y) => tier.conv2d(g, x, w, c.bias === true ? bias : null, c.relu === true ? 'relu' : 'linear', y),
            input: (dx) => tier.conv2dBackpropInput(g, dy, w, dx),
            filter: (out) => tier.conv2dBackpropFilter(g, x, dy, out),
          });
          // The same sums in the same order: bit for bit on a second run.
          const again = outView(w.length);
          tier.conv2dBackpropFilter(g, x, dy, again);
          expect(Array.from(again)).toEqual(Array.from(dw));
        });
      }

      it('matMul: transposes, shared b, bias + relu, odd and Keras-sized shapes', () => {
        const shapes: [number, number, number, number, number][] = [
          [1, 1, 1, 37, 53],
          [3, 3, 1, 5, 7],
          [2, 2, 2, 9, 1],
          [1, 1, 1, 200, 300],
        ];
        for (const [batch, aBatch, bBatch, m, k] of shapes)
          for (const n of [29, 64])
            for (const transA of [false, true])
              for (const transB of [false, true]) {
                const a = inHeap(random(aBatch * m * k)),
                  b = inHeap(random(bBatch * k * n)),
                  bias = inHeap(random(n));
                const relu = transA !== transB;
                const expected = tf.tidy(() => {
                  const at = tf.tensor3d(a, transA ? [aBatch, k, m] : [aBatch, m, k]),
                    bt = tf.tensor3d(b, transB ? [bBatch, n, k] : [bBatch, k, n]);
                  const p = tf.add(
                    tf.matMul(aBatch < batch ? tf.tile(at, [batch, 1, 1]) : at, bBatch < batch ? tf.tile(bt, [batch, 1, 1]) : bt, transA, transB),
                    tf.tensor1d(bias),
                  );
                  return (relu ? tf.relu(p) : p).dataSync();
                });
                const out = outView(batch * m * n);
                tier.matMul({ batch, aBatch, bBatch, m, k, n, transA, transB }, a, b, bias, relu ? 'relu' : 'linear', out);
                expectClose(out, expected, `matMul ${batch}×${m}×${k}×${n} transA ${transA} transB ${transB}`);
              }
      });
    });
  }

  describe('direct loops', () => {
    const depthwiseCases: ConvCase[] = [
      { name: 'multiplier 1, same', x: [2, 7, 7, 5], w: [3, 3, 5, 1], strides: 1, pad: 'same' },
      { name: 'multiplier 2, stride 2, valid', x: [2, 8, 9, 3], w: [3, 3, 3, 2], strides: 2, pad: 'valid' },
      { name: 'batch 1, 2×3, dilation 2', x: [1, 11, 10, 4], w: [2, 3, 4, 3], strides: 1, pad: 'same', dilation: 2 },
      { name: 'many images (threads)', x: [12, 16, 16, 8], w: [3, 3, 8, 1], strides: 1, pad: 'same' },
    ];
    for (const c of depthwiseCases) {
      it(`depthwise conv and both gradients: ${c.name}`, () => {
        const d = c.dilation ?? 1;
        const info = tf.backend_util.computeConv2DInfo(c.x, c.w, c.strides, d, c.pad, undefined, true);
        const g = geometry(info);
        // Every depthwise case runs with bias + relu.
        const inputs = makeConvInputs('depthwiseConv2d', { ...c, bias: true, relu: true }, info);
        const { x, w, bias, dy } = inputs;
        expectConvAndGradients(inputs, {
          forward: (y) => tier.depthwiseConv2d(g, x, w, bias, 'relu', y),
          input: (dx) => tier.depthwiseConv2dBackpropInput(g, dy, w, dx),
          filter: (dw) => tier.depthwiseConv2dBackpropFilter(g, x, dy, dw),
        });
      });
    }

    for (const c of poolCases) {
      it(`max and average pooling and their gradients: ${c.name}`, () => {
        const info = tf.backend_util.computePool2DInfo(c.x, c.size, c.strides, 1, c.pad);
        const g = geometry(info);
        const x = inHeap(
          random(
            c.x.reduce((a, b) => a * b),
            c.offset ?? 0,
            c.integers === true,
          ),
        );
        const dy = inHeap(random(info.batchSize * info.outHeight * info.outWidth * info.outChannels));
        const ref = tf.tidy(() => {
          const xt = tf.tensor4d(x, c.x),
            dyt = tf.tensor4d(dy, [info.batchSize, info.outHeight, info.outWidth, info.outChannels]);
          const max = (t: tf.Tensor) => tf.maxPool(tf.reshape<tf.Rank.R4>(t, c.x), c.size, c.strides, c.pad);
          const avg = (t: tf.Tensor) => tf.avgPool(tf.reshape<tf.Rank.R4>(t, c.x), c.size, c.strides, c.pad);
          return {
            max: max(xt).dataSync(),
            maxGrad: tf.grad(max)(xt, dyt).dataSync(),
            avg: avg(xt).dataSync(),
            avgGrad: tf.grad(avg)(xt, dyt).dataSync(),
          };
        });
        const out = outView(ref.max.length);
        tier.maxPool(g, x, out);
        expectClose(out, ref.max, 'maxPool');
        const dx = outView(x.length);
        tier.maxPoolGrad(g, x, dy, dx);
        expectClose(dx, ref.maxGrad, 'maxPoolGrad');
        tier.avgPool(g, x, out);
        expectClose(out, ref.avg, 'avgPool');
        tier.avgPoolGrad(g, dy, dx);
        expectClose(dx, ref.avgGrad, 'avgPoolGrad');
      });
    }

    it('reluGrad and sumRows (small, tall and wide)', () => {
      for (const n of [7, 100_003]) {
        const dy = inHeap(random(n)),
          y = inHeap(random(n));
        const out = outView(n);
        tier.reluGrad(dy, y, out);
        expectClose(
          out,
          tf.tidy(() => tf.where(tf.greater(tf.tensor1d(y), 0), tf.tensor1d(dy), tf.zeros([n])).dataSync()),
          `reluGrad ${n}`,
        );
      }
      for (const [rows, cols] of [
        [1, 1],
        [5, 3],
        [11_520, 64],
        [3, 20_000],
      ] as const) {
        const x = inHeap(random(rows * cols));
        const out = outView(cols);
        tier.sumRows(x, rows, cols, out);
        expectClose(
          out,
          tf.tidy(() => tf.sum(tf.tensor2d(x, [rows, cols]), 0).dataSync()),
          `sumRows ${rows}×${cols}`,
        );
      }
    });
  });
}
