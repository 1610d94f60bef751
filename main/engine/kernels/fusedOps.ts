import * as tf from '@tensorflow/tfjs-core';
import { getKernel, registerGradient, registerKernel, type GradConfig, type KernelConfig, type NamedAttrMap } from '@tensorflow/tfjs-core';
import { asWasm, input, run } from '../wasm/heap';
import { activeTier, output, view } from './glue';

/**
 * A cheaper training path for tfjs-core's fused ops (tf.fused.conv2d / depthwiseConv2d / matMul,
 * what tfjs-layers' Conv2D, DepthwiseConv2D and Dense call). Under gradients tfjs-core does not
 * fuse a ReLU at all: it runs the op, an Add for the bias and a Relu (three passes over the
 * output), and its gradient adds Step and Multiply passes. With a tier active we replace those
 * three functions by ones whose forward pass is one fused kernel (bias and ReLU in the tier's
 * epilogue) and whose gradient is one tier.reluGrad pass, the backprop kernels and one
 * tier.sumRows for the bias, each input's gradient computed only when the tape needs it (the
 * first layer's gradient towards the image is never computed). Anything else (other activations, PReLU, NCHW, dilations, rank 3
 * inputs, no tier, another backend) goes to tfjs-core's own function unchanged.
 */

type FusedConvArgs = Parameters<typeof tf.fused.conv2d>[0];
type FusedDepthwiseArgs = Parameters<typeof tf.fused.depthwiseConv2d>[0];
type FusedMatMulArgs = Parameters<typeof tf.fused.matMul>[0];

/** dy · step(y): the fused ReLU's gradient from its output. A tier kernel; Step and Multiply when no tier is active. */
const reluGradKernel: KernelConfig = {
  kernelName: 'BlockpropReluGrad',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend: b }) => {
    const backend = asWasm(b);
    const dy = input(inputs, 'dy');
    const y = input(inputs, 'y');
    const tier = activeTier();
    if (tier === null) {
      const step = run(backend, 'Step', { x: y }, { alpha: 0 });
      const out = run(backend, 'Multiply', { a: dy, b: step });
      backend.disposeData(step.dataId);
      return out;
    }
    const out = output(backend, [...dy.shape]);
    tier.reluGrad(view(backend, dy), view(backend, y), view(backend, out));
    return out;
  },
};

function runOne(name: string, inputs: Record<string, tf.Tensor>, attrs: NamedAttrMap): tf.Tensor {
  const out: unknown = tf.engine().runKernel(name, inputs, attrs);
  if (!(out instanceof tf.Tensor)) throw new Error(`kernel '${name}' returned several outputs`);
  return out;
}

const reluGrad = (dy: tf.Tensor, y: tf.Tensor, activation: string): tf.Tensor => (activation === 'relu' ? runOne('BlockpropReluGrad', { dy, y }, {}) : dy);

/** Bias gradient: dy summed over every axis but the channels (the glue's Sum runs that as tier.sumRows). */
const biasGrad = (dyAct: tf.Tensor): tf.Tensor =>
  tf.sum(
    dyAct,
    dyAct.shape.slice(0, -1).map((_, i) => i),
  );

const onTier = (): boolean => activeTier() !== null && tf.getBackend() === 'wasm';
const ones = (v: number | [number, number] | undefined): boolean => v === undefined || (typeof v === 'number' ? v === 1 : v[0] === 1 && v[1] === 1);
const simpleActivation = (a: string | undefined): a is 'linear' | 'relu' | undefined => a === undefined || a === 'linear' || a === 'relu';

const is4 = (t: tf.Tensor): t is tf.Tensor4D => t.rank === 4;
const is2 = (t: tf.Tensor): t is tf.Tensor2D => t.rank === 2;
const is1 = (t: tf.Tensor): t is tf.Tensor1D => t.rank === 1;

/** x, filter as 4-D float32 tensors and a 1-D bias of `channels` values (or none): what our path takes. */
function convOperands(
  x: unknown,
  filter: unknown,
  bias: unknown,
  channels: (f: tf.Tensor) => number,
): { x: tf.Tensor4D; filter: tf.Tensor4D; bias: tf.Tensor1D | null } | null {
  if (!(x instanceof tf.Tensor) || !(filter instanceof tf.Tensor) || !is4(x) || !is4(filter) || x.dtype !== 'float32' || filter.dtype !== 'float32')
    return null;
  if (bias === undefined || bias === null) return { x, filter, bias: null };
  return bias instanceof tf.Tensor && is1(bias) && bias.dtype === 'float32' && bias.shape[0] === channels(filter) ? { x, filter, bias } : null;
}

/** The op's output with its static rank (the kernels keep the rank; a mismatch is a bug here). */
function rank4(y: tf.Tensor): tf.Tensor4D {
  if (!is4(y)) throw new Error(`fused op: expected a 4-D result, got rank ${y.rank}`);
  return y;
}

function withBias(inputs: Record<string, tf.Tensor>, bias: tf.Tensor | null): Record<string, tf.Tensor> {
  return bias === null ? inputs : { ...inputs, bias };
}

/** tf.fused.conv2d or depthwiseConv2d on our path: `kernel` runs it; `channels` is the bias length the filter asks for. */
function fusedConvLike<A extends FusedConvArgs | FusedDepthwiseArgs>(
  original: (args: A) => tf.Tensor,
  kernel: string,
  channels: (filter: tf.Tensor) => number,
): (args: A) => tf.Tensor {
  return (args: A) => {
    const { strides, pad, dimRoundingMode, activation } = args;
    const operands =
      onTier() && simpleActivation(activation) && (args.dataFormat ?? 'NHWC') === 'NHWC' && ones(args.dilations) && args.preluActivationWeights === undefined
        ? convOperands(args.x, args.filter, args.bias, channels)
        : null;
    if (operands === null) return original(args);
    const act = activation ?? 'linear';
    const attrs = { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], ...(dimRoundingMode !== undefined ? { dimRoundingMode } : {}) };
    const y = runOne(kernel, withBias({ x: operands.x, filter: operands.filter }, operands.bias), { ...attrs, activation: act });
    return rank4(y);
  };
}

const fusedConv2d = (original: typeof tf.fused.conv2d): ((args: FusedConvArgs) => tf.Tensor) => fusedConvLike(original, CONV, (f) => f.shape[3] ?? 0);
const fusedDepthwise = (original: typeof tf.fused.depthwiseConv2d): ((args: FusedDepthwiseArgs) => tf.Tensor) =>
  fusedConvLike(original, DEPTHWISE, (f) => (f.shape[2] ?? 0) * (f.shape[3] ?? 0));

function fusedMatMul(original: typeof tf.fused.matMul): (args: FusedMatMulArgs) => tf.Tensor {
  return (args: FusedMatMulArgs) => {
    const { a, b, bias, activation } = args;
    const transA = args.transposeA === true;
    const transB = args.transposeB === true;
    const simple =
      onTier() &&
      simpleActivation(activation) &&
      args.preluActivationWeights === undefined &&
      a instanceof tf.Tensor &&
      b instanceof tf.Tensor &&
      is2(a) &&
      is2(b) &&
      a.dtype === 'float32' &&
      b.dtype === 'float32';
    const n = b instanceof tf.Tensor ? (b.shape[transB ? 0 : 1] ?? 0) : 0;
    const biasOk = bias === undefined || bias === null || (bias instanceof tf.Tensor && is1(bias) && bias.dtype === 'float32' && bias.shape[0] === n);
    if (!simple || !biasOk) return original(args);
    const act = activation ?? 'linear';
    const y = runOne(MATMUL, withBias({ a, b }, bias instanceof tf.Tensor ? bias : null), { transposeA: transA, transposeB: transB, activation: act });
    if (!is2(y)) throw new Error(`fused matMul: expected a 2-D result, got rank ${y.rank}`);
    return y;
  };
}

/** Our op names: each runs the wasm backend's fused kernel (the glue routes it to the tier) and has a lazy, registered gradient. */
const CONV = 'BlockpropFusedConv2D';
const DEPTHWISE = 'BlockpropFusedDepthwiseConv2D';
const MATMUL = 'BlockpropFusedMatMul';

const forwardKernel = (name: string, fused: string): KernelConfig => ({
  kernelName: name,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => run(asWasm(backend), fused, inputs, attrs),
});

const attrString = (attrs: NamedAttrMap, name: string): string => {
  const v = attrs[name];
  return typeof v === 'string' ? v : '';
};

/** [x, filter, y] or [a, b, y] as the engine saved them, and dy·step(y) (one tier pass) for the lazy gradients to share. */
function gradientInputs(
  kernel: string,
  dy: tf.Tensor | tf.Tensor[],
  saved: tf.Tensor[],
  attrs: NamedAttrMap,
): { a: tf.Tensor; b: tf.Tensor; dyAct: tf.Tensor } {
  const [a, b, y] = saved;
  const d = Array.isArray(dy) ? dy[0] : dy;
  if (a === undefined || b === undefined || y === undefined || d === undefined) throw new Error(`${kernel} gradient: saved tensors missing`);
  return { a, b, dyAct: reluGrad(d, y, attrString(attrs, 'activation')) };
}

const convGrad = (kernel: string, backpropInput: string, backpropFilter: string): GradConfig => ({
  kernelName: kernel,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const { a: x, b: filter, dyAct } = gradientInputs(kernel, dy, saved, attrs);
    const geometry: NamedAttrMap = { dataFormat: 'NHWC' };
    for (const name of ['strides', 'pad', 'dilations', 'dimRoundingMode']) {
      const v = attrs[name];
      if (v !== undefined) geometry[name] = v;
    }
    return {
      x: () => runOne(backpropInput, { dy: dyAct, filter }, { ...geometry, inputShape: x.shape }),
      filter: () => runOne(backpropFilter, { x, dy: dyAct }, { ...geometry, filterShape: filter.shape }),
      bias: () => biasGrad(dyAct),
    };
  },
});

const matMulGrad: GradConfig = {
  kernelName: MATMUL,
  inputsToSave: ['a', 'b'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const { a, b, dyAct } = gradientInputs(MATMUL, dy, saved, attrs);
    const transA = attrs['transposeA'] === true;
    const transB = attrs['transposeB'] === true;
    // y = op(a)·op(b): d op(a) = dy·op(b)ᵀ, d op(b) = op(a)ᵀ·dy, transposed back where a or b is stored transposed.
    return {
      a: () => (transA ? tf.matMul(b, dyAct, transB, true) : tf.matMul(dyAct, b, false, !transB)),
      b: () => (transB ? tf.matMul(dyAct, a, true, transA) : tf.matMul(a, dyAct, !transA, false)),
      bias: () => biasGrad(dyAct),
    };
  },
};

let installed = false;

/**
 * Puts our versions into tfjs-core's `fused` namespace object (once). tfjs-layers looks the
 * functions up there on every call. If the object is frozen (an ES-module build of tfjs-core),
 * nothing changes and training takes tfjs-core's own, slower path.
 */
export function installFusedOps(): boolean {
  if (installed) return true;
  if (getKernel('BlockpropReluGrad', 'wasm') === undefined) {
    registerKernel(reluGradKernel);
    registerKernel(forwardKernel(CONV, 'FusedConv2D'));
    registerKernel(forwardKernel(DEPTHWISE, 'FusedDepthwiseConv2D'));
    registerKernel(forwardKernel(MATMUL, '_FusedMatMul'));
    registerGradient(convGrad(CONV, 'Conv2DBackpropInput', 'Conv2DBackpropFilter'));
    registerGradient(convGrad(DEPTHWISE, 'DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter'));
    registerGradient(matMulGrad);
  }
  const target: object = tf.fused;
  const ok =
    Reflect.set(target, 'conv2d', fusedConv2d(tf.fused.conv2d)) &&
    Reflect.set(target, 'depthwiseConv2d', fusedDepthwise(tf.fused.depthwiseConv2d)) &&
    Reflect.set(target, 'matMul', fusedMatMul(tf.fused.matMul));
  installed = ok;
  return ok;
}
