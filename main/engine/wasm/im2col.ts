import type { backend_util } from '@tensorflow/tfjs-core';

/**
 * Image-to-columns for NHWC convolutions: row p = (n, oh, ow) of `patches` holds the receptive
 * field as [kh][kw][c] (K = filterHeight·filterWidth·inChannels values), zeros where it hangs over
 * the padding. Samples [n0, n1) only, so callers can bound the buffer size. Each copy is one
 * contiguous run of inChannels values.
 */
export function im2col(x: Float32Array, info: backend_util.Conv2DInfo, n0: number, n1: number, patches: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const K = KH * KW * C;
  let row = 0;
  for (let n = n0; n < n1; n++) {
    const xn = n * H * W * C;
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const base = row * K;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh - top + kh * dh;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw - left + kw * dw;
            const dst = base + (kh * KW + kw) * C;
            if (ih < 0 || ih >= H || iw < 0 || iw >= W) patches.fill(0, dst, dst + C);
            else {
              const src = xn + (ih * W + iw) * C;
              if (C === 1) patches[dst] = x[src] ?? 0;
              else patches.set(x.subarray(src, src + C), dst);
            }
          }
        }
        row++;
      }
    }
  }
}

/** The adjoint of im2col: adds each patch row back onto dx (samples [n0, n1)). */
export function col2imAdd(cols: Float32Array, info: backend_util.Conv2DInfo, n0: number, n1: number, dx: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const K = KH * KW * C;
  let row = 0;
  for (let n = n0; n < n1; n++) {
    const xn = n * H * W * C;
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const base = row * K;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh - top + kh * dh;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw - left + kw * dw;
            if (iw < 0 || iw >= W) continue;
            const src = base + (kh * KW + kw) * C;
            const dst = xn + (ih * W + iw) * C;
            for (let c = 0; c < C; c++) dx[dst + c] = (dx[dst + c] ?? 0) + (cols[src + c] ?? 0);
          }
        }
        row++;
      }
    }
  }
}

/** Samples per chunk so that a chunk's patch matrix stays under ~32 MB. */
export function samplesPerChunk(info: backend_util.Conv2DInfo): number {
  const perSample = info.outHeight * info.outWidth * info.filterHeight * info.filterWidth * info.inChannels;
  return Math.max(1, Math.floor((8 << 20) / Math.max(1, perSample)));
}

/** out[c, r] = src[r, c] for a rows × cols matrix, in cache-friendly tiles (faster than the wasm Transpose kernel). */
export function transposeInto(src: Float32Array, rows: number, cols: number, out: Float32Array): void {
  const T = 32;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(cols, c0 + T);
      for (let r = r0; r < r1; r++) {
        const base = r * cols;
        for (let c = c0; c < c1; c++) out[c * rows + r] = src[base + c] ?? 0;
      }
    }
  }
}
