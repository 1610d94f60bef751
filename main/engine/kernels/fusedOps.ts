import * as tf from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, type KernelConfig, type NamedAttrMap } from '@tensorflow/tfjs-core';
import { asWasm, input, run } from '../wasm/heap';
import { activeTier, output, view } from './glue';

/**
 * A cheaper training path for tfjs-core's fused ops (tf.fused.conv2d / depthwiseConv2d / matMul,
 * what tfjs-layers' Conv2D, DepthwiseConv2D and Dense call). Under gradients tfjs-core does not
 * fuse a ReLU at all: it runs the op, an Add for the bias and a Relu (three passes over the
 * output), and its gradient adds Step and Multiply passes. With a tier active we replace those
 * three functions by ones whose forward pass is one fused kernel (bias and ReLU in the tier's
 * epilogue) and whose gradient is one tier.reluGrad pass, the backprop kernels and one
 * tier.sumRows for the bias. Anything else (other activations, PReLU, NCHW, dilations, rank 3
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
const biasGrad = (dyAct: tf.Tensor): tf.Tensor => tf.sum(dyAct, dyAct.shape.slice(0, -1).map((_, i) => i));

const onTier = (): boolean => activeTier() !== null && tf.getBackend() === 'wasm';
const ones = (v: number | [number, number] | undefined): boolean => v === undefined || (typeof v === 'number' ? v === 1 : v[0] === 1 && v[1] === 1);
const simpleActivation = (a: string | undefined): a is 'linear' | 'relu' | undefined => a === undefined || a === 'linear' || a === 'relu';

const is4 = (t: tf.Tensor): t is tf.Tensor4D => t.rank === 4;
const is2 = (t: tf.Tensor): t is tf.Tensor2D => t.rank === 2;
const is1 = (t: tf.Tensor): t is tf.Tensor1D => t.rank === 1;

/** x, filter as 4-D float32 tensors and a 1-D bias of `channels` values (or none): what our path takes. */
function convOperands(x: unknown, filter: unknown, bias: unknown, channels: (f: tf.Tensor) => number): { x: tf.Tensor4D; filter: tf.Tensor4D; bias: tf.Tensor1D | null } | null {
  if (!(x instanceof tf.Tensor) || !(filter instanceof tf.Tensor) || !is4(x) || !is4(filter) || x.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  if (bias === undefined || bias === null) return { x, filter, bias: null };
  return bias instanceof tf.Tensor && is1(bias) && bias.dtype === 'float32' && bias.shape[0] === channels(filter) ? { x, filter, bias } : null;
}

/** The op's output with its static rank (the kernels keep the rank; a mismatch is a bug here). */
function rank4(y: tf.Tensor): tf.Tensor4D {
  if (!is4(y)) throw new Error(`fused op: expected a 4-D result, got rank ${y.rank}`);
  return y;
}

/** Runs `forward` as a custom-gradient op over [x, filter, (bias)], its gradient from `backward(dyAct, x, filter)`. */
function customOp(
  operands: { a: tf.Tensor; b: tf.Tensor; bias: tf.Tensor | null },
  activation: string,
  forward: (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor | null) => tf.Tensor,
  backward: (dyAct: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => [tf.Tensor, tf.Tensor],
): tf.Tensor {
  const { a, b, bias } = operands;
  const grad = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
    const [sa, sb, y] = saved;
    if (sa === undefined || sb === undefined || y === undefined) throw new Error('fused op gradient: saved tensors missing');
    const dyAct = reluGrad(dy, y, activation);
    const [da, db] = backward(dyAct, sa, sb);
    return bias === null ? [da, db] : [da, db, biasGrad(dyAct)];
  };
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1];
    const [x, w, bb] = args.slice(0, -1).filter((t): t is tf.Tensor => t instanceof tf.Tensor);
    if (typeof save !== 'function' || x === undefined || w === undefined) throw new Error('fused op: custom gradient called without its inputs');
    const value = forward(x, w, bb ?? null);
    save([x, w, value]);
    return { value, gradFunc: grad };
  });
  return bias === null ? op(a, b) : op(a, b, bias);
}

function withBias(inputs: Record<string, tf.Tensor>, bias: tf.Tensor | null): Record<string, tf.Tensor> {
  return bias === null ? inputs : { ...inputs, bias };
}

function fusedConv2d(original: typeof tf.fused.conv2d): (args: FusedConvArgs) => tf.Tensor {
  return (args: FusedConvArgs) => {
    const { strides, pad, dimRoundingMode, activation } = args;
    const operands = onTier() && simpleActivation(activation) && (args.dataFormat ?? 'NHWC') === 'NHWC' && ones(args.dilations) && args.preluActivationWeights === undefined ? convOperands(args.x, args.filter, args.bias, (f) => f.shape[3] ?? 0) : null;
    if (operands === null) return original(args);
    const act = activation ?? 'linear';
    const attrs = { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], ...(dimRoundingMode !== undefined ? { dimRoundingMode } : {}) };
    const y = customOp(
      { a: operands.x, b: operands.filter, bias: operands.bias },
      act,
      (x, w, bias) => runOne('FusedConv2D', withBias({ x, filter: w }, bias), { ...attrs, activation: act }),
      (dyAct, x, w) => [runOne('Conv2DBackpropInput', { dy: dyAct, filter: w }, { ...attrs, inputShape: x.shape }), runOne('Conv2DBackpropFilter', { x, dy: dyAct }, { ...attrs, filterShape: w.shape })],
    );
    return rank4(y);
  };
}

function fusedDepthwise(original: typeof tf.fused.depthwiseConv2d): (args: FusedDepthwiseArgs) => tf.Tensor {
  return (args: FusedDepthwiseArgs) => {
    const { strides, pad, dimRoundingMode, activation } = args;
    const operands = onTier() && simpleActivation(activation) && (args.dataFormat ?? 'NHWC') === 'NHWC' && ones(args.dilations) && args.preluActivationWeights === undefined ? convOperands(args.x, args.filter, args.bias, (f) => (f.shape[2] ?? 0) * (f.shape[3] ?? 0)) : null;
    if (operands === null) return original(args);
    const act = activation ?? 'linear';
    const attrs = { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], ...(dimRoundingMode !== undefined ? { dimRoundingMode } : {}) };
    const y = customOp(
      { a: operands.x, b: operands.filter, bias: operands.bias },
      act,
      (x, w, bias) => runOne('FusedDepthwiseConv2D', withBias({ x, filter: w }, bias), { ...attrs, activation: act }),
      (dyAct, x, w) => [
        runOne('DepthwiseConv2dNativeBackpropInput', { dy: dyAct, filter: w }, { ...attrs, inputShape: x.shape }),
        runOne('DepthwiseConv2dNativeBackpropFilter', { x, dy: dyAct }, { ...attrs, filterShape: w.shape }),
      ],
    );
    return rank4(y);
  };
}

function fusedMatMul(original: typeof tf.fused.matMul): (args: FusedMatMulArgs) => tf.Tensor {
  return (args: FusedMatMulArgs) => {
    const { a, b, bias, activation } = args;
    const transA = args.transposeA === true;
    const transB = args.transposeB === true;
    const simple =
      onTier() && simpleActivation(activation) && args.preluActivationWeights === undefined && a instanceof tf.Tensor && b instanceof tf.Tensor && is2(a) && is2(b) && a.dtype === 'float32' && b.dtype === 'float32';
    const n = b instanceof tf.Tensor ? (b.shape[transB ? 0 : 1] ?? 0) : 0;
    const biasOk = bias === undefined || bias === null || (bias instanceof tf.Tensor && is1(bias) && bias.dtype === 'float32' && bias.shape[0] === n);
    if (!simple || !biasOk) return original(args);
    const act = activation ?? 'linear';
    const y = customOp(
      { a, b, bias: bias instanceof tf.Tensor ? bias : null },
      act,
      (x, w, bb) => runOne('_FusedMatMul', withBias({ a: x, b: w }, bb), { transposeA: transA, transposeB: transB, activation: act }),
      // y = op(a)·op(b): d op(a) = dy·op(b)ᵀ, d op(b) = op(a)ᵀ·dy, transposed back where a or b is stored transposed.
      (dy, x, w) => [transA ? tf.matMul(w, dy, transB, true) : tf.matMul(dy, w, false, !transB), transB ? tf.matMul(dy, x, true, transA) : tf.matMul(x, dy, !transA, false)],
    );
    if (!is2(y)) throw new Error(`fused matMul: expected a 2-D result, got rank ${y.rank}`);
    return y;
  };
}

let installed = false;

/**
 * Puts our versions into tfjs-core's `fused` namespace object (once). tfjs-layers looks the
 * functions up there on every call. If the object is frozen (an ES-module build of tfjs-core),
 * nothing changes and training takes tfjs-core's own, slower path.
 */
export function installFusedOps(): boolean {
  if (installed) return true;
  if (getKernel('BlockpropReluGrad', 'wasm') === undefined) registerKernel(reluGradKernel);
  const target: object = tf.fused;
  const ok =
    Reflect.set(target, 'conv2d', fusedConv2d(tf.fused.conv2d)) &&
    Reflect.set(target, 'depthwiseConv2d', fusedDepthwise(tf.fused.depthwiseConv2d)) &&
    Reflect.set(target, 'matMul', fusedMatMul(tf.fused.matMul));
  installed = ok;
  return ok;
}
