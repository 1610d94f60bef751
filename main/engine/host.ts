import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { TrainEvent, TrainRequest } from '../../shared/api/training';
import { processChannel, threadChannel, type EngineChannel, type EngineExit, type SpawnEngine, type WorkerSpec } from './channel';
import { preflightTraining } from './preflight';
import { workerToHostSchema, type HostToWorker } from './protocol';
import { fail, ok, type Result } from '../../shared/api/result';

/**
 * The host side of the engine: one engine per Engine object, started on first use and started
 * afresh after it dies. By default the engine runs in its own process, so a native abort (CUDA,
 * libtensorflow, wasm out of memory) ends the engine only: the run in progress and pending
 * requests fail with a message saying what happened, and the next call starts a new engine.
 */

export interface EngineOptions {
  /** The worker script; defaults to worker.cjs beside the running bundle, else main/engine/worker.ts through tsx. */
  readonly workerPath?: string;
  /** V8 heap cap for the worker (MB); exceeding it ends the worker with an out-of-memory error event. */
  readonly maxHeapMb?: number;
  /** 'process' (default): a child process, so native crashes cannot take the app down; 'thread': a worker thread. */
  readonly isolation?: 'process' | 'thread';
  /** Starts the engine process another way (the desktop app: Electron's utilityProcess). */
  readonly spawn?: SpawnEngine;
}

export interface TrainingRun {
  /** Stops at the next batch boundary; the weights trained so far stay in the worker. */
  stop(): void;
  /** Resolves when the run is over, with its last event. */
  readonly done: Promise<TrainEvent | null>;
}

/** A TypeScript worker (sources, tests) goes through tsx's require hook; --import in a worker's execArgv is not honoured by Node 20. */
function specFor(file: string): WorkerSpec {
  return file.endsWith('.ts') ? { code: `require('tsx/cjs'); require(${JSON.stringify(file)});`, eval: true, file } : { code: file, eval: false, file };
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
  private worker: EngineChannel | null = null;
  private run: ActiveRun | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (o: Result<unknown>) => void>();
  private readonly options: EngineOptions;

  constructor(options: EngineOptions = {}) {
    this.options = options;
  }

  private ensureWorker(): EngineChannel {
    if (this.worker !== null) return this.worker;
    const spec = this.options.workerPath !== undefined ? specFor(this.options.workerPath) : defaultWorker();
    const heap = this.options.maxHeapMb;
    const worker =
      this.options.spawn !== undefined
        ? this.options.spawn(spec.file, heap !== undefined ? { maxHeapMb: heap } : {})
        : this.options.isolation === 'thread'
          ? threadChannel(spec, heap)
          : processChannel(spec.file, heap);
    worker.onMessage((raw: unknown) => this.onMessage(raw));
    worker.onExit((exit) => {
      if (this.worker === worker) this.onCrash(exit);
    });
    this.worker = worker;
    return worker;
  }

  /** The engine's process id while one runs in a process (diagnostics, tests); null otherwise. */
  get enginePid(): number | null {
    return this.worker?.pid ?? null;
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
      resolve?.(msg.ok ? ok(msg.result) : fail(msg.error.code, msg.error.message));
    }
  }

  private onCrash(exit: EngineExit): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    const code = exit.reason === 'out-of-memory' ? 'out-of-memory' : exit.reason === 'crash' ? 'worker-crash' : 'worker-exit';
    const message =
      exit.reason === 'out-of-memory'
        ? `The training engine ran out of memory (${exit.detail}). Lower the batch size or use a smaller model; a fresh engine starts with the next run.`
        : exit.reason === 'crash'
          ? `The training engine crashed: ${exit.detail}. Your project is safe; a fresh engine starts with the next run.`
          : `The training engine stopped unexpectedly (${exit.detail}). Your project is safe; a fresh engine starts with the next run.`;
    const run = this.run;
    this.run = null;
    if (run !== null) {
      const event: TrainEvent = { event: 'error', code, message };
      run.onEvent(event);
      run.resolve(event);
    }
    for (const resolve of this.pending.values()) resolve(fail(code, message));
    this.pending.clear();
  }

  private send(message: HostToWorker): void {
    this.ensureWorker().send(message);
  }

  /** Starts a training run in the worker; events arrive through onEvent in order. */
  startTraining(req: TrainRequest, onEvent: (e: TrainEvent) => void): TrainingRun {
    if (this.run !== null) {
      const event: TrainEvent = { event: 'error', code: 'busy', message: 'A training run is already in progress; stop it first.' };
      onEvent(event);
      return { stop: () => undefined, done: Promise.resolve(event) };
    }
    // Refuse what cannot fit before the engine allocates anything (wasm's 4 GB, the machine).
    const tooBig = preflightTraining(req);
    if (tooBig !== null) {
      const event: TrainEvent = { event: 'error', code: 'memory', message: tooBig };
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
        // The shared flag reaches a worker thread at once; a process gets the message.
        Atomics.store(new Int32Array(stopFlag), 0, 1);
        if (this.worker !== null && this.run !== null) this.send({ kind: 'stop' });
      },
      done,
    };
  }

  /** A request to the worker's session (requests.ts): evaluate, activations, export … */
  request(type: string, payload: unknown = {}): Promise<Result<unknown>> {
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
