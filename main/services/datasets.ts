import path from 'node:path';
import type { EventOf, ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { classCounts, loadDataset, pngDataUrl, previewFolder } from '../engine/datasets';

type Progress = (progress: EventOf<'dataset.progress'>) => void;

/**
 * The Train panel's dataset preview: counts per class, a few thumbnails, skipped files. Image
 * folders are scanned (reading only file headers plus a few thumbnails); the built-in sets are
 * read once and remembered.
 */
export function createDatasetService() {
  const builtin = new Map<string, ResultOf<'dataset.preview'>>();

  async function previewBuiltin(kind: 'mnist' | 'fashion-mnist', perClass: number, onProgress: Progress): Promise<ResultOf<'dataset.preview'>> {
    const key = `${kind}:${perClass}`;
    const cached = builtin.get(key);
    if (cached !== undefined) return cached;
    const loaded = await loadDataset({ kind }, { inputShape: [28, 28, 1], validationSplit: 0, onProgress });
    if (!loaded.ok) return fail('bad-dataset', loaded.message);
    const { train, test, classNames, title } = loaded.dataset;
    const [height, width, channels] = train.imageShape;
    const size = height * width * channels;
    const samples: string[][] = classNames.map(() => []);
    for (let i = 0; i < train.count; i++) {
      const label = train.labels[i] ?? -1;
      const list = samples[label];
      if (list === undefined || list.length >= perClass) continue;
      list.push(pngDataUrl(train.pixels.subarray(i * size, (i + 1) * size), width, height, channels));
      if (samples.every((s) => s.length >= perClass)) break;
    }
    const counts = classCounts(train, classNames.length);
    const result = ok({
      title: `${title}: ${train.count.toLocaleString('en-US')} training and ${test.count.toLocaleString('en-US')} test images`,
      classes: classNames.map((name, i) => ({ name, count: counts[i] ?? 0, samples: samples[i] ?? [] })),
      total: train.count,
      skipped: [],
      imageSizes: [{ size: `${width}×${height}`, count: train.count }],
      grayscale: channels === 1,
    });
    builtin.set(key, result);
    return result;
  }

  return {
    async preview(request: ParsedRequestOf<'dataset.preview'>, onProgress: Progress): Promise<ResultOf<'dataset.preview'>> {
      const { dataset } = request;
      if (dataset.kind !== 'folder') return previewBuiltin(dataset.kind, request.perClass, onProgress);
      const scanned = await previewFolder(dataset.path, { perClass: request.perClass, onProgress });
      if (!scanned.ok) return fail('bad-dataset', scanned.message);
      const { preview } = scanned;
      return ok({
        title: `Folder ${path.basename(preview.root)}`,
        classes: preview.classes.map((c) => ({ name: c.name, count: c.count, samples: [...c.samples] })),
        total: preview.total,
        skipped: preview.skipped.map((s) => ({ path: s.path, reason: s.reason })),
        imageSizes: preview.imageSizes.map((s) => ({ size: s.size, count: s.count })),
        grayscale: preview.grayscale,
      });
    },
  };
}
