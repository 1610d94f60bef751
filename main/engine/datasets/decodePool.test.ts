import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecodePool } from './decodePool';
import { pngBytes } from './testImages.test-util';

/** A decoder that dies (process-level exit of its thread) on files named crash*, else answers a 1×1 image. */
const dyingSource = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, file }) => {
  if (file.includes('crash')) process.exit(3);
  const rgba = new Uint8Array(4);
  parentPort.postMessage({ id, ok: true, width: 1, height: 1, rgba }, [rgba.buffer]);
});
`;

describe('decode pool', () => {
  it('decodes real files on its threads, with the header checks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-pool-'));
    writeFileSync(path.join(dir, 'a.png'), pngBytes(3, 2, [5, 6, 7]));
    const huge = pngBytes(2, 2, [1, 1, 1]);
    huge.writeUInt32BE(40_000, 16);
    huge.writeUInt32BE(40_000, 20);
    writeFileSync(path.join(dir, 'huge.png'), huge);
    const pool = createDecodePool({ size: 1 });
    if (pool === null) throw new Error('no worker threads');
    try {
      const a = await pool.decode(path.join(dir, 'a.png'));
      expect(a.ok && [a.value.width, a.value.height, a.value.rgba[0]]).toEqual([3, 2, 5]);
      const h = await pool.decode(path.join(dir, 'huge.png'));
      expect(!h.ok && h.error.message).toMatch(/^PNG is 40000×40000 pixels/);
      expect(await pool.decode(path.join(dir, 'missing.png'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^unreadable/) } });
    } finally {
      await pool.close();
    }
  });

  it('a dying decoder fails its file, is replaced, and the files queued behind it still resolve', async () => {
    const pool = createDecodePool({ size: 2, source: dyingSource });
    if (pool === null) throw new Error('no worker threads');
    try {
      const files = ['a', 'crash1', 'b', 'c', 'crash2', 'd', 'e', 'f', 'g', 'h'];
      const results = await Promise.race([
        Promise.all(files.map((f) => pool.decode(f))),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      if (results === null) throw new Error('loading hung after a decoder died');
      expect(results.map((r) => r.ok)).toEqual(files.map((f) => !f.includes('crash')));
      expect(results[1]).toEqual({ ok: false, error: { message: 'the image decoder crashed on this file' } });
      // and the pool still works afterwards
      expect((await pool.decode('later')).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
