import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipBounded } from './zip';

describe('unzipBounded', () => {
  it('inflates the members asked for and skips the rest', () => {
    const zip = zipSync({ 'config.json': new TextEncoder().encode('{"a": 1}'), 'other.bin': new Uint8Array(10) });
    const r = unzipBounded(zip, new Map([['config.json', 100]]));
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.keys()]).toEqual(['config.json']);
    expect(new TextDecoder().decode(r.value.get('config.json'))).toBe('{"a": 1}');
  });

  it('stops a decompression bomb at its limit, whatever its header says', () => {
    // 16 MiB of zeros deflates to about 16 KiB.
    const zip = zipSync({ 'model.weights.h5': new Uint8Array(16 * 1024 * 1024) }, { level: 1 });
    expect(zip.length).toBeLessThan(256 * 1024);
    const r = unzipBounded(zip, new Map([['model.weights.h5', 512 * 1024]]));
    expect(r.ok ? '' : r.error.message).toBe(
      'model.weights.h5 in the archive inflates to more than 512.0 KiB, more than a model of this size needs; the file is damaged or not a model',
    );
  });

  it('refuses bytes that are not a zip', () => {
    const r = unzipBounded(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), new Map([['config.json', 10]]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.size).toBe(0);
  });
});
