import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createDatasetService } from './datasets';
import { tempDir } from './testSupport';

function png(size: number, value: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(value);
  return PNG.sync.write(image);
}

describe('dataset preview', () => {
  it('previews an image folder: classes, counts, thumbnails and skipped files', async () => {
    const dir = await tempDir();
    for (const [cls, n] of [
      ['cats', 3],
      ['dogs', 2],
    ] as const) {
      await mkdir(path.join(dir, cls));
      for (let i = 0; i < n; i++) await writeFile(path.join(dir, cls, `${i}.png`), png(8, 40 * i));
    }
    await writeFile(path.join(dir, 'dogs', 'broken.png'), 'not an image');
    const progress: unknown[] = [];
    const result = await createDatasetService().preview({ dataset: { kind: 'folder', path: dir }, perClass: 2 }, (p) => progress.push(p));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.classes.map((c) => [c.name, c.count, c.samples.length])).toEqual([
      ['cats', 3, 2],
      ['dogs', 2, 2],
    ]);
    expect(result.value.skipped.map((s) => path.basename(s.path))).toEqual(['broken.png']);
    expect(result.value.classes[0]?.samples[0]).toMatch(/^data:image\/png;base64,/);
  });

  it('answers a message for a folder that does not exist', async () => {
    const result = await createDatasetService().preview({ dataset: { kind: 'folder', path: '/nonexistent/images' }, perClass: 2 }, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-dataset' } });
  });

  it('previews MNIST with its real class counts', async () => {
    const result = await createDatasetService().preview({ dataset: { kind: 'mnist' }, perClass: 1 }, () => undefined);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBe(60000);
    expect(result.value.classes.map((c) => c.name)).toHaveLength(10);
    expect(result.value.classes.reduce((sum, c) => sum + c.count, 0)).toBe(60000);
    expect(result.value.classes.every((c) => c.samples.length === 1)).toBe(true);
    expect(result.value.grayscale).toBe(true);
  });
});
