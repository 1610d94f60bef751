import { util } from '@tensorflow/tfjs-core';
import { input } from '../wasm/heap';
import { isFloat, output, size, view, type TierKernelSpec } from './glue';

/**
 * The rest of a training step that the convolutions used to hide:
 * - Sum over leading axes (tfjs-core's bias gradient of every fused conv/matmul sums dy over all
 *   axes but the channels; the wasm Sum transposes those axes innermost first, a full copy of dy)
 *   → one tier.sumRows pass.
 * - Identity (tfjs-core's engine clones every tensor a custom gradient saves, and tfjs-layers
 *   clones a layer's output that is its input; the wasm Identity copies the data) → the same heap
 *   data with one more reference, as the cpu backend and the wasm Reshape do. Tensors are
 *   immutable in tfjs, so sharing is safe.
 */

/** The number of leading axes `axes` covers (0 when it is not exactly 0…j-1 with j < rank). */
function leadingAxes(axes: number[], rank: number): number {
  const sorted = [...axes].sort((a, b) => a - b);
  if (sorted.length === 0 || sorted.length >= rank) return 0;
  return sorted.every((a, i) => a === i) ? sorted.length : 0;
}

function axisAttr(v: unknown): number | number[] | null {
  if (typeof v === 'number') return v;
  return Array.isArray(v) && v.every((n): n is number => typeof n === 'number') ? v : null;
}

const sum: TierKernelSpec = {
  kernelName: 'Sum',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    if (!isFloat(x)) return null;
    const axis = axisAttr(attrs?.['axis']);
    if (axis === null) return null;
    const j = leadingAxes(util.parseAxisParam(axis, x.shape), x.shape.length);
    if (j === 0) return null;
    const rest = x.shape.slice(j);
    const shape = attrs?.['keepDims'] === true ? [...Array<number>(j).fill(1), ...rest] : rest;
    const out = output(backend, shape);
    tier.sumRows(view(backend, x), size(x.shape.slice(0, j)), size(rest), view(backend, out));
    return out;
  },
};

const identity: TierKernelSpec = {
  kernelName: 'Identity',
  kernel: (_tier, { inputs, backend }) => {
    const x = input(inputs, 'x');
    if (x.dtype === 'string') return null;
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  },
};

export const trainingKernels: readonly TierKernelSpec[] = [sum, identity];
