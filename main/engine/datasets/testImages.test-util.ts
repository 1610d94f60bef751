import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A solid-colour RGB image as PNG bytes. */
export function pngBytes(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = rgb[0];
    png.data[i * 4 + 1] = rgb[1];
    png.data[i * 4 + 2] = rgb[2];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rgb[0];
    data[i * 4 + 1] = rgb[1];
    data[i * 4 + 2] = rgb[2];
    data[i * 4 + 3] = 255;
  }
  return jpeg.encode({ width, height, data }, 95).data;
}

/**
 * cats/ (3 red PNGs 40×30 + one corrupt .jpg), dogs/ (3 blue JPEGs 20×20 + a notes.txt),
 * built in a fresh temp folder at test time (no binary fixtures in the repository).
 */
export function makeCatsDogs(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'blockprop-folder-'));
  mkdirSync(path.join(root, 'cats'));
  mkdirSync(path.join(root, 'dogs'));
  for (let i = 0; i < 3; i++) writeFileSync(path.join(root, 'cats', `cat.${i}.png`), pngBytes(40, 30, [200, 20, 20]));
  writeFileSync(path.join(root, 'cats', 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]));
  for (let i = 0; i < 3; i++) writeFileSync(path.join(root, 'dogs', `dog.${i}.jpg`), jpegBytes(20, 20, [20, 20, 200]));
  writeFileSync(path.join(root, 'dogs', 'notes.txt'), 'not an image');
  writeFileSync(path.join(root, 'dogs', '.DS_Store'), 'hidden');
  return root;
}
