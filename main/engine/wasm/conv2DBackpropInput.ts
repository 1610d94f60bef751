import { backend_util, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs-core';
import { asWasm, attrNumbers, attrPad, attrPair, attrRounding, f32, free, input, matmul, shape4, transpose2d, tuple4, zeros } from './heap';
import { col2imAdd, samplesPerChunk } from './im2col';

/**
 * Conv2DBackpropInput (the input gradient of every Conv2D after the first, and Conv2DTranspose's
 * forward pass). tfjs-backend-wasm 4.22 has one, but as a naive loop: 12 s for one batch of 200 in
 * the Keras CNN. Here: cols = dy · Wᵀ with the backend's fast matmul, then col2im.
 */
const conv2DBackpropInput: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = asWasm(b);
  const dy = input(inputs, 'dy');
  const filter = input(inputs, 'filter');
  if (attrs?.['dataFormat'] === 'NCHW') throw new Error('Conv2DBackpropInput (wasm patch) supports NHWC only');
  const inShape = tuple4(attrNumbers(attrs, 'inputShape'));
  const info = backend_util.computeConv2DInfo(inShape, shape4(filter), attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs));
  const K = info.filterHeight * info.filterWidth * info.inChannels;
  const C = info.outChannels;
  const rows = info.outHeight * info.outWidth;
  const wT = transpose2d(backend, filter, K, C); // [C, K]
  const dx = zeros(backend, [...inShape]);
  const chunk = samplesPerChunk(info);
  for (let n0 = 0; n0 < info.batchSize; n0 += chunk) {
    const n1 = Math.min(info.batchSize, n0 + chunk);
    const P = (n1 - n0) * rows;
    let dyPart = dy;
    if (n0 > 0 || n1 < info.batchSize) {
      dyPart = backend.makeOutput([P, C], 'float32');
      f32(backend, dyPart).set(f32(backend, dy).subarray(n0 * rows * C, n1 * rows * C));
    }
    const cols = matmul(backend, dyPart, wT, P, C, K); // [P, K]
    if (dyPart !== dy) free(backend, dyPart);
    col2imAdd(f32(backend, cols), info, n0, n1, f32(backend, dx));
    free(backend, cols);
  }
  free(backend, wT);
  return dx;
};

export const conv2DBackpropInputConfig: KernelConfig = { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: conv2DBackpropInput };
