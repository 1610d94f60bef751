import { backend_util, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { attrPad, attrPair, attrRounding, input, shape4 } from '../wasm/heap';
import { geometry, isFloat, output, view, type TierKernelSpec } from './glue';
import type { ConvGeometry } from './tier';

/** MaxPool, AvgPool and their gradients on a tier (geometry from tfjs's computePool2DInfo). */

function poolGeometry(x: TensorInfo, attrs: NamedAttrMap | undefined): ConvGeometry {
  return geometry(backend_util.computePool2DInfo(shape4(x), attrPair(attrs, 'filterSize'), attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs)));
}

const outShape = (g: ConvGeometry): number[] => [g.batch, g.outH, g.outW, g.outC];

export const poolKernels: readonly TierKernelSpec[] = [
  {
    kernelName: 'MaxPool',
    kernel: (tier, { inputs, backend, attrs }) => {
      const x = input(inputs, 'x');
      if (!isFloat(x)) return null;
      const g = poolGeometry(x, attrs);
      const out = output(backend, outShape(g));
      tier.maxPool(g, view(backend, x), view(backend, out));
      return out;
    },
  },
  {
    kernelName: 'MaxPoolGrad',
    kernel: (tier, { inputs, backend, attrs }) => {
      const dy = input(inputs, 'dy');
      const x = input(inputs, 'input');
      if (!isFloat(x, dy)) return null;
      const g = poolGeometry(x, attrs);
      const dx = output(backend, [...x.shape]);
      tier.maxPoolGrad(g, view(backend, x), view(backend, dy), view(backend, dx));
      return dx;
    },
  },
  {
    kernelName: 'AvgPool',
    kernel: (tier, { inputs, backend, attrs }) => {
      const x = input(inputs, 'x');
      if (!isFloat(x)) return null;
      const g = poolGeometry(x, attrs);
      const out = output(backend, outShape(g));
      tier.avgPool(g, view(backend, x), view(backend, out));
      return out;
    },
  },
  {
    kernelName: 'AvgPoolGrad',
    kernel: (tier, { inputs, backend, attrs }) => {
      const dy = input(inputs, 'dy');
      const x = input(inputs, 'input');
      if (!isFloat(x, dy)) return null;
      const g = poolGeometry(x, attrs);
      const dx = output(backend, [...x.shape]);
      tier.avgPoolGrad(g, view(backend, dy), view(backend, dx));
      return dx;
    },
  },
];
