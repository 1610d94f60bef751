import type { ImageSet } from './types';

/** Samples [start, end) as Float32 in [0, 1], NHWC, ready for tf.tensor(x, [n, ...sampleShape]). */
export function toFloat32(set: ImageSet, start = 0, end = set.count): Float32Array {
  const size = sampleSize(set);
  const from = Math.max(0, start) * size;
  const to = Math.min(set.count, end) * size;
  const out = new Float32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = (set.pixels[from + i] ?? 0) / 255;
  return out;
}

/** The samples at `indices` (a shuffled batch) as Float32 in [0, 1] with their labels. */
export function gatherBatch(set: ImageSet, indices: ArrayLike<number>): { x: Float32Array; y: Int32Array } {
  const size = sampleSize(set);
  const x = new Float32Array(indices.length * size);
  const y = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] ?? 0;
    const base = i * size;
    for (let j = 0; j < size; j++) x[k * size + j] = (set.pixels[base + j] ?? 0) / 255;
    y[k] = set.labels[i] ?? 0;
  }
  return { x, y };
}

export function sampleSize(set: ImageSet): number {
  return set.imageShape[0] * set.imageShape[1] * set.imageShape[2];
}

/** The first `n` samples (a view, no copy). */
export function headOf(set: ImageSet, n: number): ImageSet {
  const count = Math.min(set.count, Math.max(0, n));
  return { ...set, count, pixels: set.pixels.subarray(0, count * sampleSize(set)), labels: set.labels.subarray(0, count) };
}

/** Samples [start, end) as a view. */
export function sliceOf(set: ImageSet, start: number, end: number): ImageSet {
  const s = Math.max(0, Math.min(start, set.count));
  const e = Math.max(s, Math.min(end, set.count));
  const size = sampleSize(set);
  return { ...set, count: e - s, pixels: set.pixels.subarray(s * size, e * size), labels: set.labels.subarray(s, e) };
}

/** How many samples of each class (for the preview and for class-count checks). */
export function classCounts(set: ImageSet, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of set.labels) if (label >= 0 && label < classes) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
