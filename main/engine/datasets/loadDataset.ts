import path from 'node:path';
import { failure, success } from '../../../shared/api/outcome';
import type { DatasetRef } from '../../../shared/project/schema';
import { headOf, sliceOf } from './batches';
import { fashionClassNames, loadFashionMnist, loadMnist, mnistClassNames } from './builtin';
import { loadFolder } from './folder';
import { checkInputShape } from './mismatch';
import { resizedLimits, resizeImageSet } from './resizeSet';
import type { ImageSet, LoadOptions, LoadResult } from './types';
import { limitFor } from './types';

const BUILTIN_SHAPE = [28, 28, 1] as const;

/**
 * Loads a dataset for a model whose Input (without batch dimension) is `opts.inputShape`:
 * built-ins as 28×28×1 (fed as [784] or [28, 28] when the Input says so) or, with `resize`, resized
 * to an image Input; folders resized to it.
 * Failures are values with a message for the user.
 */
export async function loadDataset(ref: DatasetRef, opts: LoadOptions): Promise<LoadResult> {
  if (ref.kind === 'folder') return loadFolderDataset(ref.path, opts);
  const title = ref.kind === 'mnist' ? 'MNIST' : 'Fashion-MNIST';
  const classNames = ref.kind === 'mnist' ? mnistClassNames : fashionClassNames;
  const target = ref.resize === true ? resizeTarget(opts.inputShape) : null;
  if (ref.resize === true && target === null) {
    return failure(
      `${title} can be resized only to an image Input (height × width × 1 or 3); this Input is ${opts.inputShape.map((d) => (d === null ? '?' : String(d))).join('×')}.`,
    );
  }
  const shapeIssue =
    target !== null
      ? null
      : checkInputShape(
          { input: { name: 'input', shape: opts.inputShape }, output: { name: '', kind: '', shape: [] } },
          { title, imageShape: BUILTIN_SHAPE, resizable: false, classNames },
        );
  if (shapeIssue !== null && shapeIssue.severity === 'error') return failure(shapeIssue.message);
  opts.onProgress?.({ phase: 'reading', loaded: 0, total: null });
  const limits = { train: limitFor(opts.limit, 'train'), test: limitFor(opts.limit, 'test') };
  if (target !== null) {
    // Large inputs hold far more bytes per image: keep at most the budget, most of it for training.
    const cap = resizedLimits(target.height, target.width, target.channels);
    limits.train = Math.min(limits.train, cap.train);
    limits.test = Math.min(limits.test, cap.test);
  }
  const loaded = ref.kind === 'mnist' ? await loadMnist(limits, opts.packageRoot) : await loadFashionMnist(limits, opts.packageRoot);
  if (!loaded.ok) return loaded;
  const resized = (set: ImageSet) => (target === null ? set : resizeImageSet(set, target.height, target.width, target.channels));
  const train = resized(loaded.value.train);
  const test = resized(loaded.value.test);
  opts.onProgress?.({ phase: 'done', loaded: train.count + test.count, total: train.count + test.count });
  // Keras's validation_split: the last fraction of the training data, before any shuffling.
  const split = opts.validationSplit ?? 0;
  const valCount = Math.round(train.count * Math.min(Math.max(split, 0), 0.9));
  const sampleShape = opts.inputShape.map((d) => d ?? 0);
  return success({
    kind: ref.kind,
    title,
    classNames,
    sampleShape,
    train: valCount > 0 ? headOf(train, train.count - valCount) : train,
    validation: valCount > 0 ? sliceOf(train, train.count - valCount, train.count) : null,
    test,
    skipped: [],
  });
}

async function loadFolderDataset(root: string, opts: LoadOptions): Promise<LoadResult> {
  const [h, w, c] = opts.inputShape;
  const title = `the folder '${path.basename(root)}'`;
  const shapeIssue = checkInputShape(
    { input: { name: 'input', shape: opts.inputShape }, output: { name: '', kind: '', shape: [] } },
    { title, imageShape: null, resizable: true, classNames: [] },
  );
  if (shapeIssue !== null && shapeIssue.severity === 'error') return failure(shapeIssue.message);
  if (typeof h !== 'number' || typeof w !== 'number' || (c !== 1 && c !== 3)) return failure('Input shape is not an image shape.');
  const limit = limitFor(opts.limit, 'train');
  const testLimit = limitFor(opts.limit, 'test');
  const loaded = await loadFolder(root, {
    height: h,
    width: w,
    channels: c,
    validationSplit: opts.validationSplit ?? 0.2,
    seed: opts.seed ?? 1337,
    limit: Number.isFinite(limit) ? limit + (Number.isFinite(testLimit) ? testLimit : 0) : undefined,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  if (!loaded.ok) return loaded;
  const data = loaded.value;
  const held: ImageSet = data.validation;
  return success({
    kind: 'folder',
    title,
    classNames: data.classNames,
    sampleShape: [h, w, c],
    train: data.train,
    test: held,
    validation: held.count > 0 ? held : null,
    skipped: data.skipped,
  });
}

/** The Input's image size when the built-ins can be resized to it: fixed height and width, 1 or 3 channels. */
function resizeTarget(shape: readonly (number | null)[]): { height: number; width: number; channels: 1 | 3 } | null {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || typeof height !== 'number' || typeof width !== 'number' || height < 1 || width < 1) return null;
  if (channels !== 1 && channels !== 3) return null;
  return { height, width, channels };
}
