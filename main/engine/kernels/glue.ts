import { backend_util, type KernelFunc, type NamedAttrMap, type NamedTensorInfoMap, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { f32, free, run } from '../wasm/heap';
import type { ConvGeometry, FusedActivation, KernelTier } from './tier';

/**
 * What every tier-backed tfjs kernel shares: the active tier (module state: the wasm backend is
 * one tfjs backend whichever tier runs under it), geometry from tfjs's own Conv2DInfo, and the
 * epilogue for activations the tiers do not fuse.
 */

let active: KernelTier | null = null;

/** Routes the wasm backend's kernels through `tier` (null: the package's kernels and our patches, as without tiers). */
export function setActiveTier(tier: KernelTier | null): void {
  active = tier;
}

export function activeTier(): KernelTier | null {
  return active;
}

export interface KernelArgs {
  readonly inputs: NamedTensorInfoMap;
  readonly backend: BackendWasm;
  readonly attrs: NamedAttrMap | undefined;
}

/** A kernel on a tier; null means "not a case the tier covers": the original kernel runs instead. */
export type TierKernel = (tier: KernelTier, args: KernelArgs) => TensorInfo | null;

export interface TierKernelSpec {
  readonly kernelName: string;
  readonly kernel: TierKernel;
}

export function geometry(info: backend_util.Conv2DInfo): ConvGeometry {
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

export const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export function optionalInput(inputs: NamedTensorInfoMap, name: string): TensorInfo | null {
  return inputs[name] ?? null;
}

export const isFloat = (...ts: (TensorInfo | null)[]): boolean => ts.every((t) => t === null || t.dtype === 'float32');

/** NHWC only: the tiers know one layout. */
export const channelsLast = (attrs: NamedAttrMap | undefined): boolean => attrs?.['dataFormat'] === undefined || attrs['dataFormat'] === 'NHWC';

/** A bias the tiers can fuse: one value per output channel ([C] or [1, …, 1, C]). */
export function channelBias(bias: TensorInfo | null, channels: number): boolean {
  return bias === null || (size(bias.shape) === channels && bias.shape[bias.shape.length - 1] === channels);
}

/**
 * How a fused kernel's activation maps onto a tier: fused in the epilogue ('linear', 'relu'),
 * or the backend's own kernel after a linear tier call; null: not one we know (original kernel).
 */
export type Epilogue = { readonly fused: FusedActivation; readonly after: ((backend: BackendWasm, y: TensorInfo) => TensorInfo) | null };

const linearEpilogue: Epilogue = { fused: 'linear', after: null };
const reluEpilogue: Epilogue = { fused: 'relu', after: null };

export function epilogueFor(attrs: NamedAttrMap | undefined, inputs: NamedTensorInfoMap): Epilogue | null {
  const activation = attrs?.['activation'] ?? 'linear';
  if (activation === 'linear') return linearEpilogue;
  if (activation === 'relu') return reluEpilogue;
  const unary = (name: string, extra: NamedAttrMap = {}): Epilogue => ({ fused: 'linear', after: (backend, y) => run(backend, name, { x: y }, extra) });
  if (activation === 'relu6') return unary('Relu6');
  if (activation === 'elu') return unary('Elu');
  if (activation === 'sigmoid') return unary('Sigmoid');
  if (activation === 'leakyrelu') {
    const alpha = attrs?.['leakyreluAlpha'];
    return unary('LeakyRelu', { alpha: typeof alpha === 'number' ? alpha : 0.2 });
  }
  const weights = inputs['preluActivationWeights'];
  if (activation === 'prelu' && weights !== undefined) return { fused: 'linear', after: (backend, y) => run(backend, 'Prelu', { x: y, alpha: weights }) };
  return null;
}

/** Runs the unfused part of an epilogue, freeing the linear intermediate. */
export function finish(backend: BackendWasm, epilogue: Epilogue, y: TensorInfo): TensorInfo {
  if (epilogue.after === null) return y;
  const out = epilogue.after(backend, y);
  free(backend, y);
  return out;
}

/** A fresh float32 output and a view of it; take input views only after this (allocation may grow the heap and detach older views). */
export function output(backend: BackendWasm, shape: number[]): TensorInfo {
  return backend.makeOutput(shape, 'float32');
}

export const view = f32;

/** `f` when a tier is active and takes the case, else the kernel it replaces. */
export function dispatch(kernel: TierKernel, original: KernelFunc, asBackend: (b: unknown) => BackendWasm): KernelFunc {
  return (args) => {
    const tier = active;
    if (tier !== null) {
      const out = kernel(tier, { inputs: args.inputs, backend: asBackend(args.backend), attrs: args.attrs });
      if (out !== null) return out;
    }
    return original(args);
  };
}
