import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { asWasm, attrConvInfo, attrNumbers, f32, input, shape4, tuple4, zeros } from './heap';

/**
 * DepthwiseConv2dNativeBackpropInput, missing from tfjs-backend-wasm 4.22.
 * dx[n, ih, iw, c] = Σ dy[n, oh, ow, c·M + m] · W[kh, kw, c, m] over the windows covering (ih, iw).
 */
const depthwiseBackpropInput: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = asWasm(b);
  const dy = input(inputs, 'dy');
  const filter = input(inputs, 'filter');
  const inShape = tuple4(attrNumbers(attrs, 'inputShape'));
  const info = attrConvInfo(attrs, inShape, shape4(filter), true);
  const dx = zeros(backend, [...inShape]);
  const dys = f32(backend, dy);
  const ws = f32(backend, filter);
  const dxs = f32(backend, dx);
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: OC, filterHeight: KH, filterWidth: KW } = info;
  const M = OC / C;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  for (let n = 0; n < info.batchSize; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const dyBase = ((n * OH + oh) * OW + ow) * OC;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * info.strideHeight - top + kh * info.dilationHeight;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * info.strideWidth - left + kw * info.dilationWidth;
            if (iw < 0 || iw >= W) continue;
            const xBase = ((n * H + ih) * W + iw) * C;
            const wBase = (kh * KW + kw) * OC;
            for (let c = 0; c < C; c++) {
              let s = 0;
              for (let m = 0; m < M; m++) s += (dys[dyBase + c * M + m] ?? 0) * (ws[wBase + c * M + m] ?? 0);
              dxs[xBase + c] = (dxs[xBase + c] ?? 0) + s;
            }
          }
        }
      }
    }
  }
  return dx;
};

export const depthwiseConv2dNativeBackpropInputConfig: KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropInput,
};
