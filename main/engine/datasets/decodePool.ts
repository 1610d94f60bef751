import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecodeResult } from './imageDecode';

/**
 * Decodes image files on worker threads (JPEG decoding in pure JS is ~90 % of loading a folder;
 * 25,000 cats-vs-dogs photos take minutes on one core). The workers only read and decode; the
 * caller resizes and stores, so memory stays one decoded image per worker.
 *
 * The worker is an eval'd script given the resolved paths of jpeg-js and pngjs, so it needs no
 * separate bundle entry; its decoding mirrors imageDecode.decodeImage (same options, same messages).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const jpeg = require(workerData.jpegPath);
const { PNG } = require(workerData.pngPath);
parentPort.on('message', ({ id, file }) => {
  let bytes;
  try { bytes = readFileSync(file); } catch (e) { parentPort.postMessage({ id, ok: false, reason: 'unreadable: ' + e.message }); return; }
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (!isJpeg && !isPng) { parentPort.postMessage({ id, ok: false, reason: bytes.length === 0 ? 'empty file' : 'not a JPEG or PNG image' }); return; }
  try {
    let width, height, data;
    if (isJpeg) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 100, maxMemoryUsageInMB: 1024 });
      width = img.width; height = img.height; data = img.data;
    } else {
      const png = PNG.sync.read(bytes);
      if (png.width * png.height > 100e6) throw new Error('larger than 100 megapixels');
      width = png.width; height = png.height; data = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    }
    if (!(width > 0 && height > 0)) throw new Error('no pixels');
    const rgba = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    parentPort.postMessage({ id, ok: true, width, height, rgba }, [rgba.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, ok: false, reason: 'corrupt ' + (isJpeg ? 'JPEG' : 'PNG') + ': ' + (e && e.message ? e.message : String(e)) });
  }
});
`;

interface Pending {
  resolve(result: DecodeResult): void;
}

export interface DecodePool {
  decode(file: string): Promise<DecodeResult>;
  close(): Promise<void>;
}

function parseReply(msg: unknown): { id: number; result: DecodeResult } | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const id: unknown = Reflect.get(msg, 'id');
  const ok: unknown = Reflect.get(msg, 'ok');
  if (typeof id !== 'number') return null;
  if (ok === true) {
    const width: unknown = Reflect.get(msg, 'width');
    const height: unknown = Reflect.get(msg, 'height');
    const rgba: unknown = Reflect.get(msg, 'rgba');
    if (typeof width !== 'number' || typeof height !== 'number' || !(rgba instanceof Uint8Array)) return null;
    return { id, result: { ok: true, image: { width, height, rgba } } };
  }
  const reason: unknown = Reflect.get(msg, 'reason');
  return { id, result: { ok: false, reason: typeof reason === 'string' ? reason : 'could not be decoded' } };
}

/**
 * A pool of `size` decoding threads (default: the machine's cores minus one, at most 8), or null
 * when worker threads cannot start here — the caller then decodes on its own thread.
 */
export function createDecodePool(size = Math.min(8, Math.max(1, availableParallelism() - 1))): DecodePool | null {
  let jpegPath: string;
  let pngPath: string;
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
    jpegPath = req.resolve('jpeg-js');
    pngPath = req.resolve('pngjs');
  } catch {
    return null;
  }
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  try {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { jpegPath, pngPath } });
      w.unref();
      w.on('message', (msg: unknown) => {
        const reply = parseReply(msg);
        if (!reply) return;
        load.set(w, (load.get(w) ?? 1) - 1);
        pending.get(reply.id)?.resolve(reply.result);
        pending.delete(reply.id);
      });
      w.on('error', () => {
        // A crashed decoder fails its files as unreadable; the others carry on.
        for (const [id, p] of pending) {
          p.resolve({ ok: false, reason: 'the image decoder crashed on this file' });
          pending.delete(id);
        }
      });
      workers.push(w);
      load.set(w, 0);
    }
  } catch {
    for (const w of workers) void w.terminate();
    return null;
  }
  return {
    decode(file) {
      const id = nextId++;
      // The least busy worker takes the file.
      let best = workers[0];
      for (const w of workers) if ((load.get(w) ?? 0) < (load.get(best ?? w) ?? 0)) best = w;
      if (!best) return Promise.resolve({ ok: false, reason: 'no decoder' });
      load.set(best, (load.get(best) ?? 0) + 1);
      const target = best;
      return new Promise<DecodeResult>((resolve) => {
        pending.set(id, { resolve });
        target.postMessage({ id, file });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
