import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { asWasm, attrConvInfo, attrNumbers, f32, input, shape4, tuple4, zeros } from './heap';

/**
 * DepthwiseConv2dNativeBackpropFilter, missing from tfjs-backend-wasm 4.22 (DepthwiseConv2D and
 * SeparableConv2D could not train). dW[kh, kw, c, m] = Σ x[n, ih, iw, c] · dy[n, oh, ow, c·M + m].
 */
const depthwiseBackpropFilter: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = asWasm(b);
  const x = input(inputs, 'x');
  const dy = input(inputs, 'dy');
  const filterShape = tuple4(attrNumbers(attrs, 'filterShape'));
  const info = attrConvInfo(attrs, shape4(x), filterShape, true);
  const dw = zeros(backend, [...filterShape]);
  const xs = f32(backend, x);
  const dys = f32(backend, dy);
  const dws = f32(backend, dw);
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: OC, filterHeight: KH, filterWidth: KW } = info;
  const M = OC / C;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      const wBase = (kh * KW + kw) * OC;
      for (let n = 0; n < info.batchSize; n++) {
        for (let oh = 0; oh < OH; oh++) {
          const ih = oh * info.strideHeight - top + kh * info.dilationHeight;
          if (ih < 0 || ih >= H) continue;
          for (let ow = 0; ow < OW; ow++) {
            const iw = ow * info.strideWidth - left + kw * info.dilationWidth;
            if (iw < 0 || iw >= W) continue;
            const xBase = ((n * H + ih) * W + iw) * C;
            const dyBase = ((n * OH + oh) * OW + ow) * OC;
            for (let c = 0; c < C; c++) {
              const xv = xs[xBase + c] ?? 0;
              for (let m = 0; m < M; m++) {
                const o = c * M + m;
                dws[wBase + o] = (dws[wBase + o] ?? 0) + xv * (dys[dyBase + o] ?? 0);
              }
            }
          }
        }
      }
    }
  }
  return dw;
};

export const depthwiseConv2dNativeBackpropFilterConfig: KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropFilter,
};
