import { readFile } from 'node:fs/promises';
import { fail, type Result } from '../../../shared/api/result';
import type { InspectImage, SampleRef } from '../../../shared/api/inspect';
import { decodeImage } from '../datasets/imageDecode';
import { resizeInto } from '../datasets/resize';
import { inputShapeOf, type InspectContext } from './context';

export interface PreparedSample {
  /** Normalised [0, 1] values in the Input's layout (one sample). */
  readonly x: Float32Array;
  readonly image: InspectImage;
  /** True class of a test sample. */
  readonly label: number | null;
}

/**
 * The image size a model's Input stands for: [h, w, c] as is; a flat Input of n values as the
 * held-out images' size when it matches, else a square gray image (784 -> 28×28×1).
 */
export function imageShapeFor(ctx: InspectContext): [number, number, number] {
  const shape = inputShapeOf(ctx.model);
  if (shape.length === 3) return [shape[0] ?? 1, shape[1] ?? 1, shape[2] ?? 1];
  if (shape.length === 2) return [shape[0] ?? 1, shape[1] ?? 1, 1];
  const n = shape[0] ?? 0;
  const held = ctx.heldOut?.imageShape;
  if (held && held[0] * held[1] * held[2] === n) return [held[0], held[1], held[2]];
  const side = Math.round(Math.sqrt(n));
  return side * side === n ? [side, side, 1] : [1, n, 1];
}

export function imageOf(pixels: Uint8Array, shape: readonly [number, number, number]): InspectImage {
  return { height: shape[0], width: shape[1], channels: shape[2], data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength).toString('base64') };
}

function fromBytes(pixels: Uint8Array, shape: [number, number, number], label: number | null): PreparedSample {
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = (pixels[i] ?? 0) / 255;
  return { x, image: imageOf(pixels, shape), label };
}

/** Turns a sample reference into the model's input: test images as stored, files and drawings resized like training images. */
export async function prepareSample(ctx: InspectContext, ref: SampleRef): Promise<Result<PreparedSample>> {
  const shape = imageShapeFor(ctx);
  const [h, w, c] = shape;
  if (ref.kind === 'test') {
    const held = ctx.heldOut;
    if (held === null) return fail('no-dataset', 'No test data is loaded yet; train or evaluate once, or pick an image file.');
    if (ref.index >= held.count) return fail('bad-index', `Sample ${ref.index} does not exist; the test set has ${held.count} images.`);
    const size = held.imageShape[0] * held.imageShape[1] * held.imageShape[2];
    if (size !== h * w * c) return fail('shape-mismatch', `The test images are ${held.imageShape.join('×')} but the model's Input is ${h}×${w}×${c}.`);
    const pixels = held.pixels.subarray(ref.index * size, (ref.index + 1) * size);
    return { ok: true, value: fromBytes(pixels, shape, held.labels[ref.index] ?? null) };
  }
  if (c !== 1 && c !== 3) return fail('bad-input', `The model's Input has ${c} channels; only 1 (gray) or 3 (RGB) can be fed from images.`);
  let rgba: { width: number; height: number; rgba: Uint8Array };
  if (ref.kind === 'image') {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(ref.path));
    } catch (e) {
      return fail('not-found', `Cannot read ${ref.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const decoded = decodeImage(bytes);
    if (!decoded.ok) return fail('bad-image', `${ref.path}: ${decoded.error.message}`);
    rgba = decoded.value;
  } else {
    if (ref.data.length !== ref.width * ref.height * ref.channels) {
      return fail(
        'bad-pixels',
        `Expected ${ref.width * ref.height * ref.channels} values for a ${ref.width}×${ref.height}×${ref.channels} drawing, got ${ref.data.length}.`,
      );
    }
    const px = new Uint8Array(ref.width * ref.height * 4);
    for (let i = 0; i < ref.width * ref.height; i++) {
      for (let k = 0; k < 3; k++) px[i * 4 + k] = Math.round((ref.data[i * ref.channels + (ref.channels === 3 ? k : 0)] ?? 0) * 255);
      px[i * 4 + 3] = 255;
    }
    rgba = { width: ref.width, height: ref.height, rgba: px };
  }
  const pixels = new Uint8Array(h * w * c);
  resizeInto(rgba, h, w, c, pixels);
  return { ok: true, value: fromBytes(pixels, shape, null) };
}
