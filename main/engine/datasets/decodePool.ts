import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { failure, success } from '../../../shared/api/outcome';
import { decodeWith, MAX_MEGAPIXELS, type DecodeResult } from './imageDecode';

/**
 * Decodes image files on worker threads (JPEG decoding in pure JS is ~90 % of loading a folder;
 * 25,000 cats-vs-dogs photos take minutes on one core), and keeps decoding off the thread that
 * asks (the server's main thread must never spend seconds in a decoder). The workers only read
 * and decode; the caller resizes and stores, so memory stays one decoded image per worker.
 *
 * The worker is an eval'd script given the resolved paths of jpeg-js and pngjs, so it needs no
 * separate bundle entry; it runs imageDecode's own `decodeWith` from its source text, so the
 * header checks and messages are the same on every thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const libs = { jpeg: require(workerData.jpegPath), PNG: require(workerData.pngPath).PNG };
const decodeWith = (${decodeWith.toString()});
parentPort.on('message', ({ id, file }) => {
  let bytes;
  try { bytes = readFileSync(file); } catch (e) { parentPort.postMessage({ id, ok: false, message: 'unreadable: ' + e.message }); return; }
  const result = decodeWith(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), libs, workerData.maxMegapixels);
  if (!result.ok) { parentPort.postMessage({ id, ok: false, message: result.error.message }); return; }
  const data = result.value.rgba;
  const rgba = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  parentPort.postMessage({ id, ok: true, width: result.value.width, height: result.value.height, rgba }, [rgba.buffer]);
});
`;

export interface DecodePool {
  decode(file: string): Promise<DecodeResult>;
  close(): Promise<void>;
}

export interface DecodePoolOptions {
  /** Threads (default: the machine's cores minus one, at most 8). */
  readonly size?: number;
  /** The worker's script; tests pass one that dies on purpose. */
  readonly source?: string;
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
    return { id, result: success({ width, height, rgba }) };
  }
  const message: unknown = Reflect.get(msg, 'message');
  return { id, result: failure(typeof message === 'string' ? message : 'could not be decoded') };
}

interface Job {
  readonly id: number;
  readonly file: string;
  readonly resolve: (result: DecodeResult) => void;
}

interface Slot {
  worker: Worker;
  /** Files posted to this worker, in order: the first is the one it is decoding now. */
  readonly queue: Job[];
}

/**
 * A pool of decoding threads, or null when worker threads cannot start here — the caller then
 * decodes on its own thread. A worker that dies (a decoder crash, out of memory) is replaced: the
 * file it was decoding fails as a value, the files queued behind it go to the new worker, so a
 * dying decoder never leaves a promise unresolved. After too many deaths the pool stops
 * respawning and fails what is left, rather than crash-looping.
 */
export function createDecodePool(options: DecodePoolOptions = {}): DecodePool | null {
  const size = options.size ?? Math.min(8, Math.max(1, availableParallelism() - 1));
  let jpegPath: string;
  let pngPath: string;
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
    // In the packaged app the decoders sit unpacked beside the asar archive (electron-builder.yml).
    const unpacked = (p: string) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    jpegPath = unpacked(req.resolve('jpeg-js'));
    pngPath = unpacked(req.resolve('pngjs'));
  } catch {
    return null;
  }
  const source = options.source ?? WORKER_SOURCE;
  const slots: Slot[] = [];
  let nextId = 0;
  let deaths = 0;
  let closed = false;
  const maxDeaths = Math.max(4, size * 4);

  function spawn(slot: Slot | null): Slot {
    const worker = new Worker(source, { eval: true, workerData: { jpegPath, pngPath, maxMegapixels: MAX_MEGAPIXELS } });
    worker.unref();
    const current: Slot = slot ?? { worker, queue: [] };
    current.worker = worker;
    worker.on('message', (msg: unknown) => {
      const reply = parseReply(msg);
      if (!reply) return;
      const at = current.queue.findIndex((j) => j.id === reply.id);
      if (at < 0) return;
      const [job] = current.queue.splice(at, 1);
      job?.resolve(reply.result);
    });
    // 'error' is always followed by 'exit'; the listener only keeps it from being thrown.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (current.worker !== worker) return;
      const [crashed, ...rest] = current.queue.splice(0);
      crashed?.resolve(failure('the image decoder crashed on this file'));
      if (closed) return rest.forEach((j) => j.resolve(failure('loading was stopped')));
      deaths++;
      if (deaths > maxDeaths) return rest.forEach((j) => j.resolve(failure('the image decoder keeps crashing; this file was not decoded')));
      try {
        spawn(current);
      } catch {
        return rest.forEach((j) => j.resolve(failure('the image decoder could not be restarted')));
      }
      for (const job of rest) post(current, job);
    });
    return current;
  }

  function post(slot: Slot, job: Job): void {
    slot.queue.push(job);
    slot.worker.postMessage({ id: job.id, file: job.file });
  }

  try {
    for (let i = 0; i < size; i++) slots.push(spawn(null));
  } catch {
    closed = true;
    for (const s of slots) void s.worker.terminate();
    return null;
  }
  return {
    decode(file) {
      if (closed || deaths > maxDeaths) return Promise.resolve(failure('the image decoder is not running'));
      // The least busy worker takes the file.
      let best = slots[0];
      for (const s of slots) if (s.queue.length < (best?.queue.length ?? Infinity)) best = s;
      if (!best) return Promise.resolve(failure('no decoder'));
      const target = best;
      return new Promise<DecodeResult>((resolve) => post(target, { id: nextId++, file, resolve }));
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
