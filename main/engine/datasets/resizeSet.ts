import type { RgbaImage } from './imageDecode';
import { resizeInto } from './resize';
import type { ImageSet } from './types';

export { RESIZED_BYTES_BUDGET, resizedLimits, resizedSampleCap } from '../../../shared/project/resizeBudget';

/**
 * A grey image set resized to height × width (bilinear at half-pixel centres when growing, as
 * tf.image.resize does; area-averaged when shrinking) and, for 3 channels, with the grey value
 * replicated into R, G and B, so a model made for colour photos (ResNet50's 224×224×3) can train
 * on the digits.
 */
export function resizeImageSet(set: ImageSet, height: number, width: number, channels: 1 | 3): ImageSet {
  const [h, w, c] = set.imageShape;
  if (h === height && w === width && c === channels) return set;
  const inSize = h * w * c;
  const outSize = height * width * channels;
  const pixels = new Uint8Array(set.count * outSize);
  // One reusable RGBA buffer: the grey (or first) channel copied into R, G and B.
  const rgba = new Uint8Array(h * w * 4);
  const image: RgbaImage = { width: w, height: h, rgba };
  for (let i = 0; i < set.count; i++) {
    const base = i * inSize;
    for (let p = 0; p < h * w; p++) {
      const src = base + p * c;
      const r = set.pixels[src] ?? 0;
      rgba[p * 4] = r;
      rgba[p * 4 + 1] = c === 3 ? (set.pixels[src + 1] ?? 0) : r;
      rgba[p * 4 + 2] = c === 3 ? (set.pixels[src + 2] ?? 0) : r;
      rgba[p * 4 + 3] = 255;
    }
    resizeInto(image, height, width, channels, pixels, i * outSize);
  }
  return { count: set.count, imageShape: [height, width, channels], pixels, labels: set.labels };
}
