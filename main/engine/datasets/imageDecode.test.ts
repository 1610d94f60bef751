import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImage, MAX_MEGAPIXELS } from './imageDecode';
import { jpegBytes, pngBytes } from './testImages.test-util';

/** A PNG whose IHDR claims width×height, with a tiny (truncated) IDAT: what a decompression bomb looks like from outside. */
function pngClaiming(width: number, height: number): Uint8Array {
  const real = pngBytes(2, 2, [1, 2, 3]);
  const out = new Uint8Array(real);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

/** A baseline JPEG whose SOF0 says width×height (the rest is a real 8×8 JPEG). */
function jpegClaiming(width: number, height: number): Uint8Array {
  const out = new Uint8Array(jpegBytes(8, 8, [9, 9, 9]));
  for (let i = 2; i + 9 < out.length; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      new DataView(out.buffer).setUint16(i + 5, height);
      new DataView(out.buffer).setUint16(i + 7, width);
      return out;
    }
  }
  throw new Error('no SOF0');
}

describe('decodeImage reads the size from the header first', () => {
  it('decodes ordinary PNG and JPEG', () => {
    const png = decodeImage(pngBytes(7, 5, [1, 2, 3]));
    const jpg = decodeImage(jpegBytes(9, 4, [1, 2, 3]));
    expect(png.ok && [png.value.width, png.value.height]).toEqual([7, 5]);
    expect(jpg.ok && [jpg.value.width, jpg.value.height]).toEqual([9, 4]);
  });

  it('refuses an oversize PNG from its IHDR, before inflating anything', () => {
    const start = performance.now();
    const r = decodeImage(pngClaiming(60_000, 60_000));
    expect(performance.now() - start).toBeLessThan(50);
    expect(r).toEqual({
      ok: false,
      error: { message: `PNG is 60000×60000 pixels (3600 megapixels), over the limit of ${MAX_MEGAPIXELS}; scale it down first` },
    });
  });

  it('refuses a PNG bomb: a few KB of zeros that would inflate to gigabytes', () => {
    // 12,000 × 12,000 RGBA rows of zeros deflate to ~0.5 MB; decoded they would be 576 MB.
    const width = 12_000;
    const height = 12_000;
    const header = pngClaiming(width, height);
    const idat = deflateSync(Buffer.alloc((width * 4 + 1) * 64));
    const bomb = new Uint8Array([...header.subarray(0, 33), ...idat.subarray(0, 1000)]);
    const start = performance.now();
    const r = decodeImage(bomb);
    expect(performance.now() - start).toBeLessThan(100);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/144 megapixels/);
  });

  it.each([
    [0, 10],
    [10, 0],
  ])('refuses a %i×%i PNG and JPEG instead of predicting on it', (w, h) => {
    for (const bytes of [pngClaiming(w, h), jpegClaiming(w, h)]) {
      const r = decodeImage(bytes);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(new RegExp(`is ${w}×${h} pixels: an image needs at least one pixel`));
    }
  });

  it('refuses an oversize JPEG from its SOF', () => {
    const r = decodeImage(jpegClaiming(65_000, 65_000));
    expect(!r.ok && r.error.message).toMatch(/^JPEG is 65000×65000 pixels \(4225 megapixels\)/);
  });

  it('names what is wrong with a JPEG that has no frame header', () => {
    expect(decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ ok: false, error: { message: 'corrupt JPEG: no frame header (size unknown)' } });
    expect(decodeImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toEqual({ ok: false, error: { message: 'corrupt PNG: no IHDR header' } });
  });
});

describe('decodeImage on 300 seeded broken images', () => {
  it('never throws, never hangs, never returns an empty or oversize image', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const sources = [pngBytes(16, 12, [10, 200, 30]), jpegBytes(16, 12, [10, 200, 30])];
    for (let i = 0; i < 300; i++) {
      const bytes = new Uint8Array(sources[i % 2] ?? []);
      const flips = 1 + Math.floor(next() * 6);
      for (let f = 0; f < flips; f++) bytes[Math.floor(next() * Math.min(bytes.length, 64))] = Math.floor(next() * 256);
      const cut = next() < 0.3 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : bytes;
      const started = performance.now();
      const r = decodeImage(cut);
      expect(performance.now() - started).toBeLessThan(1000);
      if (r.ok) {
        expect(r.value.width * r.value.height).toBeGreaterThan(0);
        expect(r.value.width * r.value.height).toBeLessThanOrEqual(MAX_MEGAPIXELS * 1e6);
      } else expect(r.error.message.length).toBeLessThan(300);
    }
  });
});
