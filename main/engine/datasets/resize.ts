import type { RgbaImage } from './imageDecode';

/** One output position's sources along an axis: indices and weights summing to 1. */
interface Taps {
  readonly index: Int32Array;
  readonly weight: Float32Array;
  readonly start: Int32Array;
}

/**
 * Resampling weights along one axis. Shrinking averages the covered source pixels by their overlap
 * (area, so a 500-pixel photo shrunk to 50 does not alias); growing or equal interpolates
 * bilinearly at pixel centres (as tf.image.resize does, half-pixel centres).
 */
export function axisTaps(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const index: number[] = [];
  const weight: number[] = [];
  const start = new Int32Array(outSize + 1);
  for (let o = 0; o < outSize; o++) {
    start[o] = index.length;
    if (scale > 1) {
      const lo = o * scale;
      const hi = lo + scale;
      for (let s = Math.floor(lo); s < Math.min(inSize, Math.ceil(hi)); s++) {
        const overlap = Math.min(hi, s + 1) - Math.max(lo, s);
        if (overlap > 1e-9) {
          index.push(s);
          weight.push(overlap / scale);
        }
      }
    } else {
      const centre = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), inSize - 1);
      const i0 = Math.floor(centre);
      const frac = centre - i0;
      index.push(i0);
      weight.push(1 - frac);
      if (frac > 0 && i0 + 1 < inSize) {
        index.push(i0 + 1);
        weight.push(frac);
      }
    }
  }
  start[outSize] = index.length;
  return { index: Int32Array.from(index), weight: Float32Array.from(weight), start };
}

/** ITU-R 601 luma, the weights of tf.image.rgb_to_grayscale. */
const LUMA = [0.2989, 0.587, 0.114] as const;

/**
 * Converts to `channels` (1 = gray, 3 = RGB; alpha is dropped as Keras's decode_png(channels=3)
 * does) and resizes to height × width, into `out` at `offset` as 8-bit values.
 */
export function resizeInto(img: RgbaImage, height: number, width: number, channels: 1 | 3, out: Uint8Array, offset = 0): void {
  const { width: w, height: h, rgba } = img;
  const xt = axisTaps(w, width);
  const yt = axisTaps(h, height);
  // Horizontal pass straight from the RGBA bytes (converted to gray on the fly): h rows × width columns.
  const mid = new Float32Array(h * width * channels);
  const [lr, lg, lb] = LUMA;
  for (let y = 0; y < h; y++) {
    const row = y * w * 4;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let t = xt.start[x] ?? 0; t < (xt.start[x + 1] ?? 0); t++) {
        const wt = xt.weight[t] ?? 0;
        const p = row + (xt.index[t] ?? 0) * 4;
        r += wt * (rgba[p] ?? 0);
        g += wt * (rgba[p + 1] ?? 0);
        b += wt * (rgba[p + 2] ?? 0);
      }
      const k = (y * width + x) * channels;
      if (channels === 1) mid[k] = lr * r + lg * g + lb * b;
      else {
        mid[k] = r;
        mid[k + 1] = g;
        mid[k + 2] = b;
      }
    }
  }
  // Vertical pass into the output bytes.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        let acc = 0;
        for (let t = yt.start[y] ?? 0; t < (yt.start[y + 1] ?? 0); t++) {
          acc += (yt.weight[t] ?? 0) * (mid[((yt.index[t] ?? 0) * width + x) * channels + c] ?? 0);
        }
        out[offset + (y * width + x) * channels + c] = Math.min(255, Math.max(0, Math.round(acc)));
      }
    }
  }
}
