import path from 'node:path';
import { success, type Outcome } from '../../../shared/api/outcome';
import type { DatasetPreviewResult } from '../../../shared/api/inspect';
import type { DatasetRef } from '../../../shared/project/schema';
import { classCounts, sampleSize } from './batches';
import { fashionClassNames, loadFashionMnist, loadMnist, mnistClassNames } from './builtin';
import { pngDataUrl } from './imageDecode';
import { previewFolder } from './preview';
import type { DatasetProgress } from './types';

/** The Train panel's dataset preview: counts per class, a few images per class, skipped files (folders). */
export async function previewDataset(ref: DatasetRef, perClass = 6, onProgress?: (p: DatasetProgress) => void): Promise<Outcome<DatasetPreviewResult>> {
  if (ref.kind === 'folder') {
    const r = await previewFolder(ref.path, { perClass, onProgress });
    if (!r.ok) return r;
    const { classes, total, skipped, imageSizes, grayscale } = r.value;
    return success({
      title: `the folder '${path.basename(ref.path)}'`,
      classes: classes.map((c) => ({ ...c, samples: [...c.samples] })),
      total,
      skipped: [...skipped],
      imageSizes: [...imageSizes],
      grayscale,
    });
  }
  const mnist = ref.kind === 'mnist';
  // Counts come from the training labels; the pictures from the start of the test set.
  const loaded = mnist ? await loadMnist({ train: Infinity, test: 1000 }) : await loadFashionMnist({ train: Infinity, test: 1000 });
  if (!loaded.ok) return loaded;
  const { train, test } = loaded.value;
  const names = mnist ? mnistClassNames : fashionClassNames;
  const counts = classCounts(train, names.length);
  const size = sampleSize(test);
  const classes = names.map((name, k) => {
    const samples: string[] = [];
    for (let i = 0; i < test.count && samples.length < perClass; i++) {
      if (test.labels[i] === k) samples.push(pngDataUrl(test.pixels.subarray(i * size, (i + 1) * size), 28, 28, 1));
    }
    return { name, count: counts[k] ?? 0, samples };
  });
  return success({
    title: mnist ? 'MNIST' : 'Fashion-MNIST',
    classes,
    total: train.count,
    skipped: [],
    imageSizes: [{ size: '28×28', count: train.count }],
    grayscale: true,
  });
}
