import { readFile } from 'node:fs/promises';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { checkSignature, scanFolder } from './folder';
import { createDecodePool } from './decodePool';
import { decodeImage, pngDataUrl, type DecodeResult } from './imageDecode';
import { resizeInto } from './resize';
import type { DatasetProgress, SkippedFile } from './types';

export interface PreviewClass {
  readonly name: string;
  /** Images of this class that look loadable (JPEG/PNG signature). */
  readonly count: number;
  /** A few thumbnails (PNG data URLs, at most thumbSize on the longer side). */
  readonly samples: readonly string[];
}

export interface FolderPreview {
  readonly root: string;
  readonly classes: readonly PreviewClass[];
  readonly total: number;
  readonly skipped: readonly SkippedFile[];
  /** Sizes of the sampled images, most common first: "500×375" (what resizing will start from). */
  readonly imageSizes: readonly { readonly size: string; readonly count: number }[];
  /** true when every sampled image is gray (R = G = B): a 1-channel Input would lose nothing. */
  readonly grayscale: boolean;
}

/**
 * What the Train panel shows before loading: counts per class, a few thumbnails per class and the
 * files that will be skipped. Reads only 4 bytes of most files, so it stays quick on 25,000 images.
 */
export async function previewFolder(
  root: string,
  opts: { perClass?: number; thumbSize?: number; onProgress?: (p: DatasetProgress) => void } = {},
): Promise<Outcome<FolderPreview>> {
  const scanned = await scanFolder(root);
  if (!scanned.ok) return scanned;
  const scan = scanned.value;
  const perClass = opts.perClass ?? 6;
  const thumb = opts.thumbSize ?? 64;
  const skipped: SkippedFile[] = [...scan.skipped];
  const ok = new Uint8Array(scan.files.length);
  const batch = 64;
  for (let i = 0; i < scan.files.length; i += batch) {
    const slice = scan.files.slice(i, i + batch);
    const reasons = await Promise.all(slice.map((f) => checkSignature(f.path)));
    reasons.forEach((reason, k) => {
      const file = slice[k];
      if (!file) return;
      if (reason === null) ok[i + k] = 1;
      else skipped.push({ path: file.path, reason });
    });
    opts.onProgress?.({ phase: 'reading', loaded: Math.min(i + batch, scan.files.length), total: scan.files.length, skipped: skipped.length });
  }
  const sizes = new Map<string, number>();
  let grayscale = true;
  const classes: PreviewClass[] = [];
  // The preview runs in the server's (or app's) main process: decoding goes to a worker thread,
  // so one huge or hostile image can never freeze the process that answers every other request.
  const pool = createDecodePool({ size: 1 });
  const decodeFile = (file: string): Promise<DecodeResult> =>
    pool !== null
      ? pool.decode(file)
      : readFile(file).then(
          (b) => decodeImage(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
          (e: unknown): DecodeResult => failure(`unreadable: ${e instanceof Error ? e.message : String(e)}`),
        );
  try {
    for (const [label, name] of scan.classNames.entries()) {
      const samples: string[] = [];
      let count = 0;
      for (const [i, file] of scan.files.entries()) {
        if (file.label !== label || ok[i] !== 1) continue;
        count++;
        if (samples.length >= perClass) continue;
        const decoded = await decodeFile(file.path);
        if (!decoded.ok) {
          skipped.push({ path: file.path, reason: decoded.error.message });
          count--;
          continue;
        }
        const { width, height, rgba } = decoded.value;
        const key = `${width}×${height}`;
        sizes.set(key, (sizes.get(key) ?? 0) + 1);
        for (let p = 0; p < width * height && grayscale; p++) {
          if (rgba[p * 4] !== rgba[p * 4 + 1] || rgba[p * 4] !== rgba[p * 4 + 2]) grayscale = false;
        }
        const scale = Math.min(1, thumb / Math.max(width, height));
        const tw = Math.max(1, Math.round(width * scale));
        const th = Math.max(1, Math.round(height * scale));
        const px = new Uint8Array(tw * th * 3);
        resizeInto(decoded.value, th, tw, 3, px);
        samples.push(pngDataUrl(px, tw, th, 3));
      }
      classes.push({ name, count, samples });
    }
  } finally {
    await pool?.close();
  }
  const imageSizes = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([size, count]) => ({ size, count }));
  return success({ root, classes, total: classes.reduce((s, c) => s + c.count, 0), skipped, imageSizes, grayscale });
}
