import { backend_util, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs-core';
import { asWasm, attrPad, attrPair, attrRounding, f32, input, shape4, zeros } from './heap';

/**
 * MaxPoolGrad. tfjs-backend-wasm 4.22's returns 0 for every window whose values are all negative
 * (wrong gradients for a MaxPooling2D not preceded by ReLU). One pass over the windows: the
 * gradient goes to the first maximum in row-major order, as the cpu backend does.
 */
const maxPoolGrad: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = asWasm(b);
  const dy = input(inputs, 'dy');
  const x = input(inputs, 'input');
  const info = backend_util.computePool2DInfo(shape4(x), attrPair(attrs, 'filterSize'), attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs));
  const dx = zeros(backend, [...x.shape]);
  const xs = f32(backend, x);
  const dys = f32(backend, dy);
  const dxs = f32(backend, dx);
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = info;
  const { effectiveFilterHeight: KH, effectiveFilterWidth: KW, dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  for (let n = 0; n < info.batchSize; n++) {
    const xn = n * H * W * C;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - top;
      for (let ow = 0; ow < OW; ow++) {
        const w0 = ow * sw - left;
        const dyBase = ((n * OH + oh) * OW + ow) * C;
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let at = -1;
          for (let kh = 0; kh < KH; kh += dh) {
            const ih = h0 + kh;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < KW; kw += dw) {
              const iw = w0 + kw;
              if (iw < 0 || iw >= W) continue;
              const i = xn + (ih * W + iw) * C + c;
              const v = xs[i] ?? -Infinity;
              if (v > best || at < 0) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) dxs[at] = (dxs[at] ?? 0) + (dys[dyBase + c] ?? 0);
        }
      }
    }
  }
  return dx;
};

export const maxPoolGradConfig: KernelConfig = { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad };
