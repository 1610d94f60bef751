import * as tf from '@tensorflow/tfjs-core';
import type { KernelTier } from './tier';

/**
 * The cross-tier test table (kernels.test.ts): small, odd-shaped problems for every kernel the
 * glue routes, each naming the tier methods it must reach (a case that silently fell back to the
 * package's kernel would otherwise pass against the cpu backend too).
 */

export type TierMethod = Exclude<keyof KernelTier, 'name' | 'detail' | 'threads'>;

export interface KernelCase {
  readonly name: string;
  readonly shapes: readonly number[][];
  /** Added to the first input (all-negative pools). */
  readonly offset?: number;
  /** Forward only: tfjs has no gradient for it (dilated convolutions, fused ELU). */
  readonly forwardOnly?: boolean;
  readonly uses: readonly TierMethod[];
  readonly f: (...t: tf.Tensor[]) => tf.Tensor;
}

/** Deterministic values in [-0.5, 0.5) + offset, the same on every backend. */
export function rand(shape: readonly number[], seed: number, offset = 0): tf.Tensor {
  let s = seed >>> 0;
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    v[i] = s / 2 ** 32 - 0.5 + offset;
  }
  return tf.tensor(v, [...shape]);
}

/** A case's inputs (its offset on the first one), the same on every backend. */
export const caseInputs = (c: Pick<KernelCase, 'shapes' | 'offset'>): tf.Tensor[] =>
  c.shapes.map((s, i) => rand(s, 17 + i * 31, i === 0 ? (c.offset ?? 0) : 0));

const need = (t: tf.Tensor | undefined): tf.Tensor => {
  if (t === undefined) throw new Error('case wants a tensor');
  return t;
};
/** A case's input as the 4-D tensor it must be. */
export const t4 = (t: tf.Tensor | undefined): tf.Tensor4D => {
  if (t === undefined || t.rank !== 4) throw new Error('case wants a 4-D tensor');
  return tf.reshape(t, [t.shape[0] ?? 1, t.shape[1] ?? 1, t.shape[2] ?? 1, t.shape[3] ?? 1]);
};
const t1 = (t: tf.Tensor | undefined): tf.Tensor1D => {
  if (t === undefined) throw new Error('case wants a tensor');
  return tf.reshape(t, [t.size]);
};
const t2 = (t: tf.Tensor | undefined): tf.Tensor2D => {
  if (t === undefined || t.rank !== 2) throw new Error('case wants a 2-D tensor');
  return tf.reshape(t, [t.shape[0] ?? 1, t.shape[1] ?? 1]);
};

const conv = ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'] as const;
const dw = ['depthwiseConv2d', 'depthwiseConv2dBackpropInput', 'depthwiseConv2dBackpropFilter'] as const;

type Strides = number | [number, number];
type Pad = 'valid' | 'same';

/** A conv2d or depthwise case; a dilated one is forward only (tfjs has no gradient for it), so it reaches only the forward kernel. */
export function convCase(op: 'conv2d' | 'depthwiseConv2d', name: string, x: number[], w: number[], strides: Strides, pad: Pad, dilation = 1): KernelCase {
  const dilated = dilation !== 1;
  const f: KernelCase['f'] =
    op === 'conv2d'
      ? (a, b) => tf.conv2d(t4(a), t4(b), strides, pad, 'NHWC', dilation)
      : (a, b) => tf.depthwiseConv2d(t4(a), t4(b), strides, pad, 'NHWC', dilation);
  return { name, shapes: [x, w], forwardOnly: dilated, uses: dilated ? [op] : op === 'conv2d' ? conv : dw, f };
}

/** A matMul (batched when the shapes are 3-D); `forwardOnly` for broadcast batches, whose gradient tfjs-core does not reduce. */
export function matMulCase(
  name: string,
  a: number[],
  b: number[],
  options: { transposeA?: boolean; transposeB?: boolean; forwardOnly?: boolean } = {},
): KernelCase {
  const { transposeA = false, transposeB = false, forwardOnly = false } = options;
  return { name, shapes: [a, b], forwardOnly, uses: ['matMul'], f: (x, y) => tf.matMul(need(x), need(y), transposeA, transposeB) };
}

/** Cases the wasm patches' own test (wasm/wasmKernels.test.ts) runs too. */
export const conv2dTransposeCase: KernelCase = {
  name: 'conv2dTranspose stride 2',
  shapes: [
    [2, 4, 4, 3],
    [3, 3, 2, 3],
  ],
  uses: ['conv2dBackpropInput', 'conv2d', 'conv2dBackpropFilter'],
  f: (x, w) => tf.conv2dTranspose(t4(x), t4(w), [2, 8, 8, 2], 2, 'same'),
};
export const separableCase: KernelCase = {
  name: 'separable',
  shapes: [
    [1, 6, 6, 2],
    [3, 3, 2, 2],
    [1, 1, 4, 3],
  ],
  uses: [...dw, ...conv],
  f: (x, d, p) => tf.separableConv2d(t4(x), t4(d), t4(p), 1, 'same'),
};

export const kernelCases: readonly KernelCase[] = [
  convCase('conv2d', 'conv2d valid, odd shapes', [2, 7, 6, 3], [3, 3, 3, 4], 1, 'valid'),
  convCase('conv2d', 'conv2d same, stride 2', [2, 7, 8, 2], [3, 3, 2, 5], 2, 'same'),
  convCase('conv2d', 'conv2d 5x5 same, one channel', [3, 9, 9, 1], [5, 5, 1, 4], 1, 'same'),
  convCase('conv2d', 'conv2d batch 1, 2x3 kernel, strides [2, 1], valid', [1, 8, 7, 3], [2, 3, 3, 2], [2, 1], 'valid'),
  convCase('conv2d', 'conv2d same, stride 2, even input (asymmetric padding)', [2, 8, 8, 3], [4, 4, 3, 3], 2, 'same'),
  convCase('conv2d', 'conv2d dilation 2, same (forward)', [2, 9, 8, 2], [3, 3, 2, 3], 1, 'same', 2),
  convCase('conv2d', 'conv2d dilation 2, valid (forward)', [1, 9, 9, 3], [3, 2, 3, 2], 1, 'valid', 2),
  conv2dTransposeCase,
  {
    name: 'fused conv2d, bias + relu',
    shapes: [[2, 7, 7, 3], [3, 3, 3, 4], [4]],
    uses: [...conv, 'reluGrad', 'sumRows'],
    f: (x, w, b) => tf.fused.conv2d({ x: t4(x), filter: t4(w), bias: t1(b), strides: 1, pad: 'same', activation: 'relu' }),
  },
  {
    name: 'fused conv2d, bias, linear, stride 2 valid',
    shapes: [[3, 8, 7, 2], [3, 3, 2, 3], [3]],
    uses: [...conv, 'sumRows'],
    f: (x, w, b) => tf.fused.conv2d({ x: t4(x), filter: t4(w), bias: t1(b), strides: 2, pad: 'valid', activation: 'linear' }),
  },
  {
    name: 'fused conv2d, bias + elu (tier linear, backend elu; forward)',
    shapes: [[2, 6, 6, 2], [3, 3, 2, 3], [3]],
    forwardOnly: true,
    uses: ['conv2d'],
    f: (x, w, b) => tf.fused.conv2d({ x: t4(x), filter: t4(w), bias: t1(b), strides: 1, pad: 'same', activation: 'elu' }),
  },
  convCase('depthwiseConv2d', 'depthwise same', [2, 6, 6, 3], [3, 3, 3, 2], 1, 'same'),
  convCase('depthwiseConv2d', 'depthwise stride 2 valid, batch 1', [1, 7, 7, 2], [3, 3, 2, 1], 2, 'valid'),
  convCase('depthwiseConv2d', 'depthwise dilation 2 (forward)', [2, 9, 9, 2], [3, 3, 2, 2], 1, 'same', 2),
  {
    name: 'fused depthwise, bias + relu',
    shapes: [[2, 6, 5, 2], [3, 3, 2, 2], [4]],
    uses: [...dw, 'reluGrad', 'sumRows'],
    f: (x, w, b) => tf.fused.depthwiseConv2d({ x: t4(x), filter: t4(w), bias: t1(b), strides: 1, pad: 'same', activation: 'relu' }),
  },
  separableCase,
  matMulCase('matMul', [5, 7], [7, 3]),
  matMulCase('matMul aᵀ', [7, 5], [7, 3], { transposeA: true }),
  matMulCase('matMul bᵀ', [5, 7], [3, 7], { transposeB: true }),
  matMulCase('matMul aᵀ bᵀ', [7, 5], [3, 7], { transposeA: true, transposeB: true }),
  matMulCase('batchMatMul', [3, 4, 5], [3, 5, 2]),
  matMulCase('batchMatMul, b broadcast (forward)', [3, 4, 5], [1, 5, 2], { forwardOnly: true }),
  matMulCase('batchMatMul, a broadcast, bᵀ (forward)', [1, 4, 5], [2, 3, 5], { transposeB: true, forwardOnly: true }),
  {
    name: 'dense: fused matMul, bias + relu',
    shapes: [[6, 9], [9, 4], [4]],
    uses: ['matMul', 'reluGrad', 'sumRows'],
    f: (a, b, bias) => tf.fused.matMul({ a: t2(a), b: t2(b), bias: t1(bias), activation: 'relu' }),
  },
  {
    name: 'fused matMul, bias, linear, bᵀ',
    shapes: [[1, 9], [4, 9], [4]],
    uses: ['matMul', 'sumRows'],
    f: (a, b, bias) => tf.fused.matMul({ a: t2(a), b: t2(b), transposeB: true, bias: t1(bias) }),
  },
  { name: 'maxPool, all negative', shapes: [[2, 6, 6, 3]], offset: -2, uses: ['maxPool', 'maxPoolGrad'], f: (x) => tf.maxPool(t4(x), 2, 2, 'valid') },
  { name: 'maxPool same 3x3 stride 2', shapes: [[2, 7, 7, 2]], uses: ['maxPool', 'maxPoolGrad'], f: (x) => tf.maxPool(t4(x), 3, 2, 'same') },
  { name: 'maxPool batch 1, 2x3 window, stride 1', shapes: [[1, 5, 6, 3]], uses: ['maxPool', 'maxPoolGrad'], f: (x) => tf.maxPool(t4(x), [2, 3], 1, 'valid') },
  { name: 'avgPool same', shapes: [[2, 7, 7, 2]], uses: ['avgPool', 'avgPoolGrad'], f: (x) => tf.avgPool(t4(x), 2, 2, 'same') },
  { name: 'avgPool 3x3 stride 1 valid, batch 1', shapes: [[1, 6, 5, 3]], uses: ['avgPool', 'avgPoolGrad'], f: (x) => tf.avgPool(t4(x), 3, 1, 'valid') },
  { name: 'sum over leading axes', shapes: [[3, 4, 5, 2]], uses: ['sumRows'], f: (x) => tf.sum(x ?? tf.scalar(0), [0, 1, 2]) },
];
