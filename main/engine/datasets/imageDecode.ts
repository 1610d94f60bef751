import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A decoded image: 8-bit RGBA, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

export type DecodeResult = { readonly ok: true; readonly image: RgbaImage } | { readonly ok: false; readonly reason: string };

export type ImageFormat = 'jpeg' | 'png';

/** By content, not by extension: a .jpg that is really a PNG still loads. */
export function sniffFormat(head: Uint8Array): ImageFormat | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  return null;
}

/** Larger images are refused rather than allowed to exhaust memory (a 100-megapixel photo is 400 MB as RGBA). */
const MAX_MEGAPIXELS = 100;

export function decodeImage(bytes: Uint8Array): DecodeResult {
  const format = sniffFormat(bytes);
  if (format === null) return { ok: false, reason: bytes.length === 0 ? 'empty file' : 'not a JPEG or PNG image' };
  try {
    if (format === 'jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
      if (img.width <= 0 || img.height <= 0) return { ok: false, reason: 'JPEG has no pixels' };
      return { ok: true, image: { width: img.width, height: img.height, rgba: img.data } };
    }
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (png.width * png.height > MAX_MEGAPIXELS * 1e6) return { ok: false, reason: `PNG is larger than ${MAX_MEGAPIXELS} megapixels` };
    return { ok: true, image: { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) } };
  } catch (e) {
    return { ok: false, reason: `corrupt ${format === 'jpeg' ? 'JPEG' : 'PNG'}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Encodes 8-bit gray or RGB pixels as a PNG data URL (thumbnails, sample images for the UI). */
export function pngDataUrl(pixels: Uint8Array, width: number, height: number, channels: number): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const r = pixels[i * channels] ?? 0;
    png.data[i * 4] = r;
    png.data[i * 4 + 1] = channels >= 3 ? (pixels[i * channels + 1] ?? 0) : r;
    png.data[i * 4 + 2] = channels >= 3 ? (pixels[i * channels + 2] ?? 0) : r;
    png.data[i * 4 + 3] = 255;
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
