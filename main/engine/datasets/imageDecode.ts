import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Outcome } from '../../../shared/api/outcome';

/** A decoded image: 8-bit RGBA, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** A decoded image, or why the file is none (a clause: 'corrupt PNG: no IHDR header'). */
export type DecodeResult = Outcome<RgbaImage>;

export type ImageFormat = 'jpeg' | 'png';

/** By content, not by extension: a .jpg that is really a PNG still loads. */
export function sniffFormat(head: Uint8Array): ImageFormat | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  return null;
}

/**
 * Larger images are refused from their header, before any decoding: a 50-megapixel photo is
 * already 200 MB as RGBA, and a few KB of compressed data can claim far more.
 */
export const MAX_MEGAPIXELS = 50;

/** The decoders, passed in so that `decodeWith` needs nothing from its module (see below). */
export interface Decoders {
  readonly jpeg: typeof jpeg;
  readonly PNG: typeof PNG;
}

/**
 * Reads the size from the header (PNG IHDR, JPEG SOFn), refuses zero-sized and oversize images,
 * then decodes. Self-contained on purpose: the decode pool's worker threads run this very
 * function from its source text (`decodeWith.toString()`), so it may use only its arguments and
 * built-ins — no imports, no module constants, no helpers (so its outcomes are written out, not
 * made with `success`/`failure`).
 */
export function decodeWith(bytes: Uint8Array, libs: Decoders, maxMegapixels: number): DecodeResult {
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (!isJpeg && !isPng) return { ok: false, error: { message: bytes.length === 0 ? 'empty file' : 'not a JPEG or PNG image' } };
  const kind = isJpeg ? 'JPEG' : 'PNG';
  const u16 = (at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  const u32 = (at: number) => u16(at) * 65536 + u16(at + 2);
  let width = -1;
  let height = -1;
  if (isPng) {
    // signature (8), then the first chunk must be IHDR: length (4), "IHDR", width (4), height (4)
    const ihdr = bytes.length >= 24 && bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
    if (!ihdr) return { ok: false, error: { message: 'corrupt PNG: no IHDR header' } };
    width = u32(16);
    height = u32(20);
  } else {
    // Walk the marker segments up to the first start-of-frame (C0–CF except C4 DHT, C8, CC DAC).
    let at = 2;
    while (at + 3 < bytes.length) {
      if (bytes[at] !== 0xff) return { ok: false, error: { message: 'corrupt JPEG: bad marker before the frame header' } };
      const marker = bytes[at + 1] ?? 0;
      if (marker === 0xff) {
        at++;
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      if (marker === 0xda || marker === 0xd9) break;
      const length = u16(at + 2);
      if (length < 2) return { ok: false, error: { message: 'corrupt JPEG: bad segment length' } };
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (at + 9 > bytes.length) break;
        height = u16(at + 5);
        width = u16(at + 7);
        break;
      }
      at += 2 + length;
    }
    if (width < 0) return { ok: false, error: { message: 'corrupt JPEG: no frame header (size unknown)' } };
  }
  if (width === 0 || height === 0) return { ok: false, error: { message: `${kind} is ${width}×${height} pixels: an image needs at least one pixel each way` } };
  if (width * height > maxMegapixels * 1e6) {
    return {
      ok: false,
      error: {
        message: `${kind} is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels), over the limit of ${maxMegapixels}; scale it down first`,
      },
    };
  }
  try {
    if (isJpeg) {
      const img = libs.jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: maxMegapixels,
        maxMemoryUsageInMB: maxMegapixels * 8 + 64,
      });
      if (!(img.width > 0 && img.height > 0)) return { ok: false, error: { message: 'JPEG has no pixels' } };
      return { ok: true, value: { width: img.width, height: img.height, rgba: img.data } };
    }
    const png = libs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!(png.width > 0 && png.height > 0)) return { ok: false, error: { message: 'PNG has no pixels' } };
    return { ok: true, value: { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) } };
  } catch (e) {
    return { ok: false, error: { message: `corrupt ${kind}: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** Decodes on this thread: use it only off the server's main thread (engine worker, CLI). */
export function decodeImage(bytes: Uint8Array): DecodeResult {
  return decodeWith(bytes, { jpeg, PNG }, MAX_MEGAPIXELS);
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
