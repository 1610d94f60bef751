import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChain } from '../../../shared/graph/fromSpec';
import { defaultTraining } from '../../../shared/project';
import { buildModel } from '../model';
import { gatherBatch } from './batches';
import { loadDataset } from './loadDataset';
import { resizedSampleCap, resizeImageSet } from './resizeSet';
import type { ImageSet } from './types';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

// A 2×2 grey image [[0, 100], [200, 40]] and a second, constant one (labels 3 and 7).
const tiny: ImageSet = { count: 2, imageShape: [2, 2, 1], pixels: Uint8Array.from([0, 100, 200, 40, 9, 9, 9, 9]), labels: Int32Array.from([3, 7]) };

describe('resizeImageSet (MNIST to a larger model Input)', () => {
  it('grows bilinearly at half-pixel centres, as tf.image.resize does', () => {
    const out = resizeImageSet(tiny, 4, 4, 1);
    expect(out.imageShape).toEqual([4, 4, 1]);
    const px = (y: number, x: number) => out.pixels[y * 4 + x];
    // Corners clamp to the source corners.
    expect([px(0, 0), px(0, 3), px(3, 0), px(3, 3)]).toEqual([0, 100, 200, 40]);
    // (0, 1): source x = 0.25 between 0 and 100 -> 25.
    expect(px(0, 1)).toBe(25);
    // (1, 1): x = 0.25, y = 0.25 -> 0.75·(0.75·0 + 0.25·100) + 0.25·(0.75·200 + 0.25·40) = 18.75 + 40 = 58.75.
    expect(px(1, 1)).toBe(59);
    // The constant image stays constant, and labels follow their images.
    expect([...out.pixels.subarray(16)]).toEqual(new Array(16).fill(9));
    expect([...out.labels]).toEqual([3, 7]);
  });

  it('copies the grey value into R, G and B for a colour Input', () => {
    const out = resizeImageSet(tiny, 4, 4, 3);
    expect(out.imageShape).toEqual([4, 4, 3]);
    const rgb = (y: number, x: number) => [...out.pixels.subarray((y * 4 + x) * 3, (y * 4 + x) * 3 + 3)];
    expect(rgb(0, 0)).toEqual([0, 0, 0]);
    expect(rgb(3, 0)).toEqual([200, 200, 200]);
    expect(rgb(1, 1)).toEqual([59, 59, 59]);
  });

  it('caps the number of big resized images to a memory budget', () => {
    expect(resizedSampleCap(224, 224, 3)).toBe(Math.floor((768 * 1024 * 1024) / (224 * 224 * 3)));
    expect(resizedSampleCap(224, 224, 3)).toBeLessThan(6000);
  });
});

describe('loadDataset with { kind: mnist, resize: true }', () => {
  it('without resize a 32×32×3 Input is refused with advice that offers resizing first', async () => {
    const r = await loadDataset({ kind: 'mnist' }, { inputShape: [32, 32, 3], limit: 4 });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/^Input is 32×32×3.*Resize MNIST to 32×32×3/);
  });

  it('a 32×32×3 model trains a batch on MNIST resized to its Input', async () => {
    const r = await loadDataset({ kind: 'mnist', resize: true }, { inputShape: [32, 32, 3], limit: 8 });
    if (!r.ok) throw new Error(r.error.message);
    const { train } = r.value;
    expect(train.imageShape).toEqual([32, 32, 3]);
    expect(train.count).toBe(8);
    // A digit's ink survives: the image is not blank, and every pixel is grey (R = G = B).
    const first = train.pixels.subarray(0, 32 * 32 * 3);
    expect(Math.max(...first)).toBeGreaterThan(200);
    for (let p = 0; p < 32 * 32; p++) expect(first[p * 3]).toBe(first[p * 3 + 2]);
    const graph = buildChain('sequential', [
      { name: 'input_layer', kind: 'InputLayer', params: { shape: [32, 32, 3] } },
      { name: 'conv2d', kind: 'Conv2D', params: { filters: 4, kernel_size: [3, 3], activation: 'relu' } },
      { name: 'flatten', kind: 'Flatten' },
      { name: 'dense', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    const built = await buildModel(graph, { ...defaultTraining, loss: 'sparse_categorical_crossentropy' });
    if (!built.ok) throw new Error(built.error.message);
    const batch = gatherBatch(train, [0, 1, 2, 3]);
    const out = await built.value.model.trainOnBatch(tf.tensor4d(batch.x, [4, 32, 32, 3]), tf.tensor2d(Array.from(batch.y), [4, 1]));
    const loss = Array.isArray(out) ? (out[0] ?? NaN) : out;
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
  });

  it('refuses resize to a flat Input, naming the shape', async () => {
    const r = await loadDataset({ kind: 'fashion-mnist', resize: true }, { inputShape: [784], limit: 4 });
    expect(r.ok ? '' : r.error.message).toContain('this Input is 784');
  });
});
