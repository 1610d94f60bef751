import { open, readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { createDecodePool } from './decodePool';
import { decodeImage, sniffFormat, type DecodeResult } from './imageDecode';
import { seededPermutation } from '../../../shared/random';
import { resizeInto } from './resize';
import type { DatasetProgress, ImageSet, SkippedFile } from './types';

export interface FolderFile {
  readonly path: string;
  readonly label: number;
}

export interface FolderScan {
  readonly root: string;
  /** Sub-folder names, sorted as Keras's image_dataset_from_directory sorts them (alphanumerically). */
  readonly classNames: readonly string[];
  readonly files: readonly FolderFile[];
  /** Files that are not JPEG or PNG by name (other formats, stray files). */
  readonly skipped: readonly SkippedFile[];
}

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png']);

async function listFiles(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .DS_Store, ._foo.jpg: never user data
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await listFiles(full, out);
    else if (e.isFile()) out.push(full);
  }
}

/** Lists the class sub-folders and their image files (recursively, as Keras does) without reading any image. */
export async function scanFolder(root: string): Promise<Outcome<FolderScan>> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (e) {
    return failure(`Cannot read the folder ${root}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const classNames = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  if (classNames.length === 0) {
    return failure(`The folder ${root} has no sub-folders; put each class's images in its own sub-folder (e.g. cats/ and dogs/).`);
  }
  const files: FolderFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const [label, name] of classNames.entries()) {
    const all: string[] = [];
    await listFiles(path.join(root, name), all);
    for (const file of all) {
      if (IMAGE_EXT.has(path.extname(file).toLowerCase())) files.push({ path: file, label });
      else skipped.push({ path: file, reason: `not a JPEG or PNG file (${path.extname(file) || 'no extension'})` });
    }
  }
  if (files.length === 0) return failure(`No JPEG or PNG images found under ${root}.`);
  return success({ root, classNames, files, skipped });
}

export interface FolderLoadOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  /** Fraction held out (the last part of the seeded shuffle, as Keras's validation_split). Default 0.2. */
  readonly validationSplit?: number;
  readonly seed?: number;
  /** Use at most this many images in all (after the seeded shuffle). */
  readonly limit?: number;
  readonly onProgress?: (progress: DatasetProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Decode on worker threads. Default: for more than 16 images on machines with 4+ cores; on 2
   * cores the extra thread only competes with the main one (measured slower here).
   */
  readonly useWorkers?: boolean;
}

export interface FolderData {
  readonly classNames: readonly string[];
  readonly train: ImageSet;
  readonly validation: ImageSet;
  readonly skipped: readonly SkippedFile[];
}

/** Writes decoded, resized images one after another into a preallocated 8-bit buffer. */
class ImageSink {
  private written = 0;
  readonly pixels: Uint8Array;
  readonly labels: Int32Array;
  constructor(
    capacity: number,
    private readonly sampleBytes: number,
    private readonly shape: readonly [number, number, number],
  ) {
    this.pixels = new Uint8Array(capacity * sampleBytes);
    this.labels = new Int32Array(capacity);
  }
  offsetOfNext(): number {
    return this.written * this.sampleBytes;
  }
  commit(label: number): void {
    this.labels[this.written] = label;
    this.written++;
  }
  finish(): ImageSet {
    const n = this.written;
    return { count: n, imageShape: this.shape, pixels: this.pixels.subarray(0, n * this.sampleBytes), labels: this.labels.subarray(0, n) };
  }
}

/**
 * Loads an image folder into 8-bit storage at the model's input size: each file is read, decoded,
 * resized and dropped before the next (memory ≈ the resized pixels only). Unreadable or corrupt
 * files are skipped and listed, never fatal.
 */
export async function loadFolder(root: string, opts: FolderLoadOptions): Promise<Outcome<FolderData>> {
  const scanned = await scanFolder(root);
  if (!scanned.ok) return scanned;
  const scan = scanned.value;
  const order = seededPermutation(scan.files.length, opts.seed ?? 1337);
  const used = Math.min(scan.files.length, opts.limit ?? Infinity);
  const split = Math.min(Math.max(opts.validationSplit ?? 0.2, 0), 0.9);
  const valCount = Math.round(used * split);
  const trainCount = used - valCount;
  const shape = [opts.height, opts.width, opts.channels] as const;
  const sampleBytes = opts.height * opts.width * opts.channels;
  const train = new ImageSink(trainCount, sampleBytes, shape);
  const val = new ImageSink(valCount, sampleBytes, shape);
  const skipped: SkippedFile[] = [...scan.skipped];
  let lastReport = 0;
  const report = (loaded: number, phase: DatasetProgress['phase']) => opts.onProgress?.({ phase, loaded, total: used, skipped: skipped.length });
  // Decode on worker threads, keeping a window of files in flight (memory: one decoded image per slot).
  const pool = (opts.useWorkers ?? (used > 16 && availableParallelism() >= 4)) ? createDecodePool() : null;
  const decodeHere = (file: string): Promise<DecodeResult> =>
    readFile(file).then(
      (b) => decodeImage(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
      (e: unknown): DecodeResult => failure(`unreadable: ${e instanceof Error ? e.message : String(e)}`),
    );
  const decode = (i: number): Promise<DecodeResult> => {
    const file = scan.files[order[i] ?? 0];
    if (!file) return Promise.resolve(failure('missing'));
    return pool ? pool.decode(file.path) : decodeHere(file.path);
  };
  const window = pool ? 32 : 4;
  const ahead: Promise<DecodeResult>[] = [];
  try {
    for (let i = 0; i < Math.min(window, used); i++) ahead.push(decode(i));
    for (let i = 0; i < used; i++) {
      if (opts.signal?.aborted) return failure('Loading the images was cancelled.');
      const file = scan.files[order[i] ?? 0];
      const pending = ahead.shift();
      if (i + window < used) ahead.push(decode(i + window));
      if (!file || !pending) continue;
      const decoded = await pending;
      const sink = i < trainCount ? train : val;
      if (!decoded.ok) skipped.push({ path: file.path, reason: decoded.error.message });
      else {
        resizeInto(decoded.value, opts.height, opts.width, opts.channels, sink.pixels, sink.offsetOfNext());
        sink.commit(file.label);
      }
      const now = Date.now();
      if (now - lastReport > 100) {
        lastReport = now;
        report(i + 1, 'decoding');
        await new Promise((r) => setImmediate(r)); // let progress, stop and other requests through
      }
    }
  } finally {
    await Promise.allSettled(ahead);
    await pool?.close();
  }
  report(used, 'done');
  const trainSet = train.finish();
  if (trainSet.count === 0) return failure(`None of the images under ${root} could be read (${skipped.length} skipped).`);
  return success({ classNames: scan.classNames, train: trainSet, validation: val.finish(), skipped });
}

/** Checks a file's first bytes only: enough to find non-images and empty files in a large folder quickly. */
export async function checkSignature(file: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead === 0) return 'empty file';
    return sniffFormat(head) === null ? 'not a JPEG or PNG image' : null;
  } catch (e) {
    return `unreadable: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await handle?.close();
  }
}
