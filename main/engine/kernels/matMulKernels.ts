import type { TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../wasm/heap';
import { channelBias, epilogueFor, finish, isFloat, optionalInput, output, size, view, type KernelArgs, type TierKernelSpec } from './glue';
import type { KernelTier, MatMulGeometry } from './tier';

/**
 * BatchMatMul and _FusedMatMul (Dense layers, forward and both gradients) on a tier, transposes
 * included (no Transpose kernels around it). Batch broadcasting is covered where one side is a
 * single matrix or both hold the same batch; other broadcasts go to the original kernel.
 */

interface Plan {
  readonly g: MatMulGeometry;
  readonly outShape: number[];
}

function plan(a: TensorInfo, b: TensorInfo, transA: boolean, transB: boolean): Plan | null {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 2 || rb < 2) return null;
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const aBatch = size(outerA);
  const bBatch = size(outerB);
  const outer = aBatch >= bBatch ? outerA : outerB;
  const batch = size(outer);
  // Same batch on both sides must mean the same outer shape (not, say, [2, 3] against [3, 2]).
  if ((aBatch !== 1 && aBatch !== batch) || (bBatch !== 1 && bBatch !== batch)) return null;
  if (aBatch === bBatch && outerA.join() !== outerB.join() && aBatch !== 1) return null;
  const m = transA ? (a.shape[ra - 1] ?? 0) : (a.shape[ra - 2] ?? 0);
  const k = transA ? (a.shape[ra - 2] ?? 0) : (a.shape[ra - 1] ?? 0);
  const kb = transB ? (b.shape[rb - 1] ?? 0) : (b.shape[rb - 2] ?? 0);
  const n = transB ? (b.shape[rb - 2] ?? 0) : (b.shape[rb - 1] ?? 0);
  if (k !== kb) return null;
  const rank = Math.max(outerA.length, outerB.length);
  const padded = [...Array<number>(rank - outer.length).fill(1), ...outer];
  return { g: { batch, aBatch, bBatch, m, k, n, transA, transB }, outShape: [...padded, m, n] };
}

function matMul(tier: KernelTier, { inputs, backend, attrs }: KernelArgs, fused: boolean): TensorInfo | null {
  const a = input(inputs, 'a');
  const b = input(inputs, 'b');
  const bias = fused ? optionalInput(inputs, 'bias') : null;
  const epilogue = fused ? epilogueFor(attrs, inputs) : { fused: 'linear' as const, after: null };
  if (epilogue === null || !isFloat(a, b, bias)) return null;
  const p = plan(a, b, attrs?.['transposeA'] === true, attrs?.['transposeB'] === true);
  if (p === null || !channelBias(bias, p.g.n)) return null;
  const out = output(backend, p.outShape);
  tier.matMul(p.g, view(backend, a), view(backend, b), bias === null ? null : view(backend, bias), epilogue.fused, view(backend, out));
  return finish(backend, epilogue, out);
}

export const matMulKernels: readonly TierKernelSpec[] = [
  { kernelName: 'BatchMatMul', kernel: (tier, args) => matMul(tier, args, false) },
  { kernelName: '_FusedMatMul', kernel: (tier, args) => matMul(tier, args, true) },
];
