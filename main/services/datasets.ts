import type { EventOf, ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { previewDataset } from '../engine/datasets';

type Progress = (progress: EventOf<'dataset.progress'>) => void;

/**
 * The Train panel's dataset preview (main/engine/datasets' previewDataset): counts per class, a few thumbnails,
 * skipped files. Image folders are scanned reading mostly file headers; it is IO, not training,
 * so it runs here rather than in the engine's worker.
 */
export function createDatasetService() {
  return {
    async preview(request: ParsedRequestOf<'dataset.preview'>, onProgress: Progress): Promise<ResultOf<'dataset.preview'>> {
      const result = await previewDataset(request.dataset, request.perClass, onProgress);
      return result.ok ? ok(result.value) : fail('bad-dataset', result.error.message);
    },
  };
}
