import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainEvent, TrainRequest } from '../../shared/api/training';
import { workerToHostSchema, type HostToWorker } from './protocol';
import type { RequestOutcome } from './requests';

/**
 * The host side of the engine: one worker thread per Engine, started on first use and restarted
 * after a crash. A crash or out-of-memory in the worker arrives as an 'error' event and as
 * failed requests; the host process lives on.
 */

export interface EngineOptions {
  /** The worker script; defaults to worker.cjs beside the running bundle, else main/engine/worker.ts through tsx. */
  readonly workerPath?: string;
  /** V8 heap cap for the worker (MB); exceeding it ends the worker with an out-of-memory error event. */
  readonly maxHeapMb?: number;
}

export interface TrainingRun {
  /** Stops at the next batch boundary; the weights trained so far stay in the worker. */
  stop(): void;
  /** Resolves when the run is over, with its last event. */
  readonly done: Promise<TrainEvent | null>;
}

interface WorkerSpec {
  readonly code: string;
  readonly eval: boolean;
}

/** A TypeScript worker (sources, tests) goes through tsx's require hook; --import in a worker's execArgv is not honoured by Node 20. */
function specFor(file: string): WorkerSpec {
  return file.endsWith('.ts') ? { code: `require('tsx/cjs'); require(${JSON.stringify(file)});`, eval: true } : { code: file, eval: false };
}

function defaultWorker(): WorkerSpec {
  const here = typeof __dirname === 'string' ? __dirname : '';
  // dist/cli.cjs has it beside, dist/electron/main.cjs one folder up.
  const bundled = [path.join(here, 'worker.cjs'), path.join(here, '..', 'worker.cjs')].find((f) => here !== '' && existsSync(f));
  if (bundled !== undefined) return specFor(bundled);
  const candidates = [path.join(here, 'worker.ts'), path.join(process.cwd(), 'main', 'engine', 'worker.ts')];
  return specFor(candidates.find((c) => existsSync(c)) ?? candidates[1] ?? 'worker.ts');
}

interface ActiveRun {
  readonly onEvent: (e: TrainEvent) => void;
  readonly resolve: (last: TrainEvent | null) => void;
  last: TrainEvent | null;
}

export class Engine {
  private worker: Worker | null = null;
  private run: ActiveRun | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (o: RequestOutcome) => void>();
  private readonly options: EngineOptions;

  constructor(options: EngineOptions = {}) {
    this.options = options;
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const spec = this.options.workerPath !== undefined ? specFor(this.options.workerPath) : defaultWorker();
    const worker = new Worker(spec.code, {
      eval: spec.eval,
      ...(this.options.maxHeapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
    });
    worker.on('message', (raw: unknown) => this.onMessage(raw));
    worker.on('error', (err: Error) => this.onCrash(/OUT_OF_MEMORY|out of memory/i.test(`${String(Reflect.get(err, 'code'))} ${err.message}`) ? 'out-of-memory' : 'worker-crash', err.message));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.onCrash('worker-exit', `The training engine stopped unexpectedly (exit code ${code}).`);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(raw: unknown): void {
    const parsed = workerToHostSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.kind === 'event') {
      if (this.run !== null) {
        this.run.last = msg.event;
        this.run.onEvent(msg.event);
      }
    } else if (msg.kind === 'ended') {
      const run = this.run;
      this.run = null;
      run?.resolve(run.last);
    } else {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.ok ? { ok: true, result: msg.result } : { ok: false, code: msg.error.code, message: msg.error.message });
    }
  }

  private onCrash(code: string, detail: string): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    const message =
      code === 'out-of-memory'
        ? `The training engine ran out of memory (${detail}). Lower the batch size or use a smaller model.`
        : `The training engine crashed: ${detail}. Your project is safe; start the run again.`;
    const run = this.run;
    this.run = null;
    if (run !== null) {
      const event: TrainEvent = { event: 'error', code, message };
      run.onEvent(event);
      run.resolve(event);
    }
    for (const resolve of this.pending.values()) resolve({ ok: false, code, message });
    this.pending.clear();
  }

  private send(message: HostToWorker): void {
    this.ensureWorker().postMessage(message);
  }

  /** Starts a training run in the worker; events arrive through onEvent in order. */
  startTraining(req: TrainRequest, onEvent: (e: TrainEvent) => void): TrainingRun {
    if (this.run !== null) {
      const event: TrainEvent = { event: 'error', code: 'busy', message: 'A training run is already in progress; stop it first.' };
      onEvent(event);
      return { stop: () => undefined, done: Promise.resolve(event) };
    }
    const stopFlag = new SharedArrayBuffer(4);
    const done = new Promise<TrainEvent | null>((resolve) => {
      this.run = { onEvent, resolve, last: null };
    });
    this.send({ kind: 'train', request: req, stopFlag });
    return {
      stop: () => {
        Atomics.store(new Int32Array(stopFlag), 0, 1);
      },
      done,
    };
  }

  /** A request to the worker's session (requests.ts): evaluate, activations, export … */
  request(type: string, payload: unknown = {}): Promise<RequestOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ kind: 'request', id, type, payload });
    });
  }

  /** Test hook: makes the worker throw an uncaught error. */
  crashForTest(): void {
    this.send({ kind: 'crash' });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }
}

/** Starts a run on a fresh engine (closed when the run ends). */
export function startTraining(req: TrainRequest, onEvent: (e: TrainEvent) => void, options: EngineOptions = {}): TrainingRun {
  const engine = new Engine(options);
  const run = engine.startTraining(req, onEvent);
  return { stop: run.stop, done: run.done.finally(() => engine.close()) };
}
