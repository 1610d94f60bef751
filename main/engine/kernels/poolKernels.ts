import { backend_util, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { attrPad, attrPair, attrRounding, input, shape4 } from '../wasm/heap';
import { geometry, isFloat, output, view, type TierKernelSpec } from './glue';
import type { ConvGeometry, KernelTier } from './tier';

/** MaxPool, AvgPool and their gradients on a tier (geometry from tfjs's computePool2DInfo). */

function poolGeometry(x: TensorInfo, attrs: NamedAttrMap | undefined): ConvGeometry {
  return geometry(backend_util.computePool2DInfo(shape4(x), attrPair(attrs, 'filterSize'), attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs)));
}

/** A pooling forward kernel: x → out [batch, outH, outW, C]. */
function forward(kernelName: string, pool: (tier: KernelTier, g: ConvGeometry, x: Float32Array, out: Float32Array) => void): TierKernelSpec {
  return {
    kernelName,
    kernel: (tier, { inputs, backend, attrs }) => {
      const x = input(inputs, 'x');
      if (!isFloat(x)) return null;
      const g = poolGeometry(x, attrs);
      const out = output(backend, [g.batch, g.outH, g.outW, g.outC]);
      pool(tier, g, view(backend, x), view(backend, out));
      return out;
    },
  };
}

/** A pooling gradient kernel: (dy, the forward input) → dx shaped like the input. */
function gradient(kernelName: string, grad: (tier: KernelTier, g: ConvGeometry, x: Float32Array, dy: Float32Array, dx: Float32Array) => void): TierKernelSpec {
  return {
    kernelName,
    kernel: (tier, { inputs, backend, attrs }) => {
      const dy = input(inputs, 'dy');
      const x = input(inputs, 'input');
      if (!isFloat(x, dy)) return null;
      const g = poolGeometry(x, attrs);
      const dx = output(backend, [...x.shape]);
      grad(tier, g, view(backend, x), view(backend, dy), view(backend, dx));
      return dx;
    },
  };
}

export const poolKernels: readonly TierKernelSpec[] = [
  forward('MaxPool', (tier, g, x, out) => tier.maxPool(g, x, out)),
  gradient('MaxPoolGrad', (tier, g, x, dy, dx) => tier.maxPoolGrad(g, x, dy, dx)),
  forward('AvgPool', (tier, g, x, out) => tier.avgPool(g, x, out)),
  // The average's gradient needs only the geometry, not the input's values.
  gradient('AvgPoolGrad', (tier, g, _x, dy, dx) => tier.avgPoolGrad(g, dy, dx)),
];
