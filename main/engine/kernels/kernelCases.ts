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

const t4 = (t: tf.Tensor | undefined): tf.Tensor4D => {
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

export const kernelCases: readonly KernelCase[] = [
  {
    name: 'conv2d valid, odd shapes',
    shapes: [
      [2, 7, 6, 3],
      [3, 3, 3, 4],
    ],
    uses: conv,
    f: (x, w) => tf.conv2d(t4(x), t4(w), 1, 'valid'),
  },
  {
    name: 'conv2d same, stride 2',
    shapes: [
      [2, 7, 8, 2],
      [3, 3, 2, 5],
    ],
    uses: conv,
    f: (x, w) => tf.conv2d(t4(x), t4(w), 2, 'same'),
  },
  {
    name: 'conv2d 5x5 same, one channel',
    shapes: [
      [3, 9, 9, 1],
      [5, 5, 1, 4],
    ],
    uses: conv,
    f: (x, w) => tf.conv2d(t4(x), t4(w), 1, 'same'),
  },
  {
    name: 'conv2d batch 1, 2x3 kernel, strides [2, 1], valid',
    shapes: [
      [1, 8, 7, 3],
      [2, 3, 3, 2],
    ],
    uses: conv,
    f: (x, w) => tf.conv2d(t4(x), t4(w), [2, 1], 'valid'),
  },
  {
    name: 'conv2d same, stride 2, even input (asymmetric padding)',
    shapes: [
      [2, 8, 8, 3],
      [4, 4, 3, 3],
    ],
    uses: conv,
    f: (x, w) => tf.conv2d(t4(x), t4(w), 2, 'same'),
  },
  {
    name: 'conv2d dilation 2, same (forward)',
    shapes: [
      [2, 9, 8, 2],
      [3, 3, 2, 3],
    ],
    forwardOnly: true,
    uses: ['conv2d'],
    f: (x, w) => tf.conv2d(t4(x), t4(w), 1, 'same', 'NHWC', 2),
  },
  {
    name: 'conv2d dilation 2, valid (forward)',
    shapes: [
      [1, 9, 9, 3],
      [3, 2, 3, 2],
    ],
    forwardOnly: true,
    uses: ['conv2d'],
    f: (x, w) => tf.conv2d(t4(x), t4(w), 1, 'valid', 'NHWC', 2),
  },
  {
    name: 'conv2dTranspose stride 2',
    shapes: [
      [2, 4, 4, 3],
      [3, 3, 2, 3],
    ],
    uses: ['conv2dBackpropInput', 'conv2d', 'conv2dBackpropFilter'],
    f: (x, w) => tf.conv2dTranspose(t4(x), t4(w), [2, 8, 8, 2], 2, 'same'),
  },
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
  {
    name: 'depthwise same',
    shapes: [
      [2, 6, 6, 3],
      [3, 3, 3, 2],
    ],
    uses: dw,
    f: (x, w) => tf.depthwiseConv2d(t4(x), t4(w), 1, 'same'),
  },
  {
    name: 'depthwise stride 2 valid, batch 1',
    shapes: [
      [1, 7, 7, 2],
      [3, 3, 2, 1],
    ],
    uses: dw,
    f: (x, w) => tf.depthwiseConv2d(t4(x), t4(w), 2, 'valid'),
  },
  {
    name: 'depthwise dilation 2 (forward)',
    shapes: [
      [2, 9, 9, 2],
      [3, 3, 2, 2],
    ],
    forwardOnly: true,
    uses: ['depthwiseConv2d'],
    f: (x, w) => tf.depthwiseConv2d(t4(x), t4(w), 1, 'same', 'NHWC', 2),
  },
  {
    name: 'fused depthwise, bias + relu',
    shapes: [[2, 6, 5, 2], [3, 3, 2, 2], [4]],
    uses: [...dw, 'reluGrad', 'sumRows'],
    f: (x, w, b) => tf.fused.depthwiseConv2d({ x: t4(x), filter: t4(w), bias: t1(b), strides: 1, pad: 'same', activation: 'relu' }),
  },
  {
    name: 'separable',
    shapes: [
      [1, 6, 6, 2],
      [3, 3, 2, 2],
      [1, 1, 4, 3],
    ],
    uses: [...dw, ...conv],
    f: (x, d, p) => tf.separableConv2d(t4(x), t4(d), t4(p), 1, 'same'),
  },
  {
    name: 'matMul',
    shapes: [
      [5, 7],
      [7, 3],
    ],
    uses: ['matMul'],
    f: (a, b) => tf.matMul(t2(a), t2(b)),
  },
  {
    name: 'matMul aᵀ',
    shapes: [
      [7, 5],
      [7, 3],
    ],
    uses: ['matMul'],
    f: (a, b) => tf.matMul(t2(a), t2(b), true, false),
  },
  {
    name: 'matMul bᵀ',
    shapes: [
      [5, 7],
      [3, 7],
    ],
    uses: ['matMul'],
    f: (a, b) => tf.matMul(t2(a), t2(b), false, true),
  },
  {
    name: 'matMul aᵀ bᵀ',
    shapes: [
      [7, 5],
      [3, 7],
    ],
    uses: ['matMul'],
    f: (a, b) => tf.matMul(t2(a), t2(b), true, true),
  },
  {
    name: 'batchMatMul',
    shapes: [
      [3, 4, 5],
      [3, 5, 2],
    ],
    uses: ['matMul'],
    f: (a, b) => tf.matMul(a ?? tf.scalar(0), b ?? tf.scalar(0)),
  },
  // tfjs-core's BatchMatMul gradient does not reduce broadcast batches (it throws): forward only.
  {
    name: 'batchMatMul, b broadcast (forward)',
    shapes: [
      [3, 4, 5],
      [1, 5, 2],
    ],
    forwardOnly: true,
    uses: ['matMul'],
    f: (a, b) => tf.matMul(a ?? tf.scalar(0), b ?? tf.scalar(0)),
  },
  {
    name: 'batchMatMul, a broadcast, bᵀ (forward)',
    shapes: [
      [1, 4, 5],
      [2, 3, 5],
    ],
    forwardOnly: true,
    uses: ['matMul'],
    f: (a, b) => tf.matMul(a ?? tf.scalar(0), b ?? tf.scalar(0), false, true),
  },
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
