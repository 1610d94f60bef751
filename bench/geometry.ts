import type { ConvGeometry } from '../main/engine/kernels/tier';

/** The Keras CNN's convolutions: square input, k×k filter, stride 1, no padding. */
export const squareConv = (batch: number, inH: number, inC: number, k: number, outC: number): ConvGeometry => ({
  batch,
  inH,
  inW: inH,
  inC,
  outH: inH - k + 1,
  outW: inH - k + 1,
  outC,
  kH: k,
  kW: k,
  strideH: 1,
  strideW: 1,
  dilationH: 1,
  dilationW: 1,
  padTop: 0,
  padLeft: 0,
});

/** Its 2×2 pooling, stride 2 (channels in = channels out). */
export const pool2x2 = (batch: number, inH: number, c: number): ConvGeometry => ({
  ...squareConv(batch, inH, c, 2, c),
  outH: inH / 2,
  outW: inH / 2,
  strideH: 2,
  strideW: 2,
});
