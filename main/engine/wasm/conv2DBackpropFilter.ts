import { backend_util, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs-core';
import { asWasm, attrPad, attrPair, attrNumbers, attrRounding, f32, free, input, matmul, shape4, tuple4, viewAs, zeros } from './heap';
import { im2col, samplesPerChunk, transposeInto } from './im2col';

/**
 * Conv2DBackpropFilter, missing from tfjs-backend-wasm 4.22 (every CNN failed on its first
 * step). dW = patchesᵀ · dy, computed as (dyᵀ · patches)ᵀ so that the backend's matmul runs its
 * fast untransposed path (transposeA is ~10× slower there) and the transposes are tiled JS loops
 * (the wasm Transpose kernel is slow); patches in bounded chunks of samples.
 */
const conv2DBackpropFilter: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = asWasm(b);
  const x = input(inputs, 'x');
  const dy = input(inputs, 'dy');
  if (attrs?.['dataFormat'] === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm patch) supports NHWC only');
  const filterShape = tuple4(attrNumbers(attrs, 'filterShape'));
  const info = backend_util.computeConv2DInfo(shape4(x), filterShape, attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs));
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const C = info.outChannels;
  const rows = info.outHeight * info.outWidth;
  const chunk = samplesPerChunk(info);
  const whole = chunk >= info.batchSize;
  const out = whole ? null : zeros(backend, [K, C]);
  for (let n0 = 0; n0 < info.batchSize; n0 += chunk) {
    const n1 = Math.min(info.batchSize, n0 + chunk);
    const P = (n1 - n0) * rows;
    const patches = backend.makeOutput([P, K], 'float32');
    const dyT = backend.makeOutput([C, P], 'float32');
    im2col(f32(backend, x), info, n0, n1, f32(backend, patches));
    transposeInto(f32(backend, dy).subarray(n0 * rows * C, n1 * rows * C), P, C, f32(backend, dyT));
    const prod = matmul(backend, dyT, patches, C, P, K); // [C, K]
    free(backend, dyT);
    free(backend, patches);
    if (out === null) {
      const dw = backend.makeOutput([K, C], 'float32');
      transposeInto(f32(backend, prod), C, K, f32(backend, dw));
      free(backend, prod);
      return viewAs(dw, [...filterShape]);
    }
    const prodView = f32(backend, prod);
    const acc = f32(backend, out);
    for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) acc[k * C + c] = (acc[k * C + c] ?? 0) + (prodView[c * K + k] ?? 0);
    free(backend, prod);
  }
  if (out === null) throw new Error('unreachable: empty batch');
  return viewAs(out, [...filterShape]);
};

export const conv2DBackpropFilterConfig: KernelConfig = { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter };
