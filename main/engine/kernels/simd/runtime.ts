/**
 * The SIMD128 kernel module on one shared `WebAssembly.Memory`, instantiated in the calling thread
 * and in `threads − 1` worker threads. A call lays its tensors out in an arena in that memory
 * (copied in from the caller's arrays, which live in tfjs-wasm's own, non-shared heap), writes a
 * job record, wakes the helpers through Atomics, runs thread 0's share itself, waits for the rest
 * and copies the result out. The arena is reused and only grows.
 *
 * Memory layout: [module data + default stack | control block | job | per-thread stacks | arena].
 */
import { Worker } from 'node:worker_threads';
import { failure, success, type Outcome } from '../../../../shared/api/outcome';
import { kernelsWasmBase64 } from './kernelsWasm';
import { isWasmGlobal, wasmApi, type WasmGlobal, type WasmInstance, type WasmMemory, type WasmModule } from './wasmApi';
import { workerSource } from './workerSource';

const PAGE = 65536;
/** The module is linked with --max-memory=2 GiB (scripts/build-wasm.mjs); the import must match. */
const MAX_PAGES = 32768;
const STACK_BYTES = 65536;
const CTRL_WORDS = 16;
/** Job record layout, int32 indices (native/wasm/kernels.h). */
export const JOB = { kind: 0, threads: 1, scratch: 2, scratchStride: 3, p: 4, act: 8, n: 9, n2: 10, g: 12 } as const;
const JOB_WORDS = 28;
const GEN = 0;
const DONE = 1;
const QUIT = 2;
const FAILED = 3;

export const KIND = {
  conv: 1,
  convBackpropInput: 2,
  convBackpropFilter: 3,
  depthwise: 5,
  depthwiseBackpropInput: 6,
  depthwiseBackpropFilter: 7,
  matMul: 8,
  maxPool: 9,
  maxPoolGrad: 10,
  avgPool: 11,
  avgPoolGrad: 12,
  reluGrad: 13,
  sumRows: 14,
  filterReduce: 15,
  sumRowsReduce: 16,
} as const;

interface KernelExports {
  readonly run: (job: number, tid: number) => void;
  readonly scratchBytes: (job: number) => number;
  readonly stackPointer: WasmGlobal;
  readonly heapBase: number;
}

function kernelExports(instance: WasmInstance): Outcome<KernelExports> {
  const { run, scratch_bytes: scratchBytes, __stack_pointer: sp, __heap_base: heapBase } = instance.exports;
  if (typeof run !== 'function' || typeof scratchBytes !== 'function') return failure('the kernel module lacks run/scratch_bytes');
  if (!isWasmGlobal(sp) || !isWasmGlobal(heapBase)) return failure('the kernel module lacks its stack globals');
  const base: unknown = heapBase.value;
  if (typeof base !== 'number') return failure('the kernel module has no heap base');
  return success({
    run: (job, tid) => {
      run(job, tid);
    },
    scratchBytes: (job) => Number(scratchBytes(job)),
    stackPointer: sp,
    heapBase: base,
  });
}

const align = (v: number, a: number): number => Math.ceil(v / a) * a;

export class SimdRuntime {
  private f32: Float32Array;
  private i32: Int32Array;
  private top = 0;
  private disposed = false;
  /** Threads of the current job: 1 or all. */
  private jobThreads = 1;

  private constructor(
    private readonly memory: WasmMemory,
    private readonly kernels: KernelExports,
    private readonly workers: readonly Worker[],
    private readonly ctrlOffset: number,
    private readonly jobOffset: number,
    private readonly arenaBase: number,
    readonly threads: number,
  ) {
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  /** Compiles the embedded module and starts the helpers, or says why it cannot run here. */
  static async start(threads: number): Promise<Outcome<SimdRuntime>> {
    if (typeof SharedArrayBuffer !== 'function' || typeof Atomics.wait !== 'function') return failure('shared memory and Atomics are unavailable');
    const wasm = wasmApi();
    if (wasm === null) return failure('WebAssembly is unavailable');
    let module: WasmModule;
    let memory: WasmMemory;
    let instance: WasmInstance;
    try {
      module = await wasm.compile(Buffer.from(kernelsWasmBase64, 'base64'));
      memory = new wasm.Memory({ initial: 64, maximum: MAX_PAGES, shared: true });
      instance = await wasm.instantiate(module, { env: { memory } });
    } catch (e) {
      return failure(`the SIMD128 kernel module did not load (${e instanceof Error ? e.message : String(e)})`);
    }
    const exported = kernelExports(instance);
    if (!exported.ok) return exported;
    const kernels = exported.value;
    const ctrlOffset = align(kernels.heapBase, 64);
    const jobOffset = ctrlOffset + CTRL_WORDS * 4;
    const stacks = align(jobOffset + JOB_WORDS * 4, 64);
    const arenaBase = stacks + threads * STACK_BYTES;
    kernels.stackPointer.value = stacks + STACK_BYTES;
    const workers: Worker[] = [];
    const started: Promise<string | null>[] = [];
    for (let tid = 1; tid < threads; tid++) {
      const worker = new Worker(workerSource, {
        eval: true,
        workerData: { module, memory, tid, helpers: threads - 1, jobPtr: jobOffset, ctrlOffset, stackPointer: stacks + (tid + 1) * STACK_BYTES },
      });
      workers.push(worker);
      started.push(workerReady(worker));
    }
    const problems = (await Promise.all(started)).filter((p) => p !== null);
    const runtime = new SimdRuntime(memory, kernels, workers, ctrlOffset, jobOffset, arenaBase, threads);
    if (problems.length > 0) {
      await runtime.dispose();
      return failure(`a kernel thread did not start (${problems[0]})`);
    }
    // Idle helpers must not keep the process alive.
    for (const w of workers) w.unref();
    return success(runtime);
  }

  /** Starts a call: the arena is empty again. */
  begin(): void {
    if (this.disposed) throw new Error('the SIMD kernel tier was disposed');
    this.top = this.arenaBase;
  }

  /** Reserves `floats` floats in the arena (64-byte aligned) and returns their byte offset. */
  alloc(floats: number): number {
    const at = this.top;
    this.top = align(at + floats * 4, 64);
    this.ensure(this.top);
    return at;
  }

  /** Copies `data` into the arena; its byte offset. */
  put(data: Float32Array): number {
    const at = this.alloc(data.length);
    this.f32.set(data, at / 4);
    return at;
  }

  /** Copies floats at byte offset `at` out into `out`. */
  read(at: number, out: Float32Array): void {
    out.set(this.f32.subarray(at / 4, at / 4 + out.length));
  }

  /**
   * Writes a job record; unset fields are zero. `g` is the geometry block. `alone`: the calling
   * thread runs it by itself (small jobs, where waking the helpers costs more than they save).
   */
  job(kind: number, p: readonly number[], g: readonly number[], extra: { act?: number; n?: number; n2?: number } = {}, alone = false): void {
    const j = this.jobOffset / 4;
    this.i32.fill(0, j, j + JOB_WORDS);
    this.i32[j + JOB.kind] = kind;
    this.jobThreads = alone ? 1 : this.threads;
    this.i32[j + JOB.threads] = this.jobThreads;
    p.forEach((v, i) => (this.i32[j + JOB.p + i] = v));
    this.i32[j + JOB.act] = extra.act ?? 0;
    this.i32[j + JOB.n] = extra.n ?? 0;
    this.i32[j + JOB.n2] = extra.n2 ?? 0;
    g.forEach((v, i) => (this.i32[j + JOB.g + i] = v));
    const stride = this.kernels.scratchBytes(this.jobOffset);
    const scratch = stride > 0 ? this.alloc((stride * this.jobThreads) / 4) : 0;
    this.i32[j + JOB.scratch] = scratch;
    this.i32[j + JOB.scratchStride] = stride;
  }

  /** Changes fields of the current job (a second phase over the same scratch). */
  patch(fields: Readonly<Record<number, number>>): void {
    for (const [k, v] of Object.entries(fields)) this.i32[this.jobOffset / 4 + Number(k)] = v;
  }

  /** Runs the current job on every thread and returns when all are done. */
  dispatch(): void {
    const ctrl = this.ctrlOffset / 4;
    const helpers = this.jobThreads - 1;
    if (helpers > 0) {
      Atomics.store(this.i32, ctrl + DONE, 0);
      Atomics.add(this.i32, ctrl + GEN, 1);
      Atomics.notify(this.i32, ctrl + GEN);
    }
    let failure: unknown = null;
    try {
      this.kernels.run(this.jobOffset, 0);
    } catch (e) {
      failure = e;
    }
    if (helpers > 0) {
      for (let d = Atomics.load(this.i32, ctrl + DONE); d < helpers; d = Atomics.load(this.i32, ctrl + DONE)) {
        Atomics.wait(this.i32, ctrl + DONE, d);
      }
    }
    const failed = helpers > 0 ? Atomics.exchange(this.i32, ctrl + FAILED, 0) : 0;
    if (failure !== null || failed > 0) throw new Error(`a SIMD kernel trapped (${failure instanceof Error ? failure.message : `${failed} helper thread(s)`})`);
  }

  /** Stops the helpers; the runtime cannot be used afterwards. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const ctrl = this.ctrlOffset / 4;
    Atomics.store(this.i32, ctrl + QUIT, 1);
    Atomics.add(this.i32, ctrl + GEN, 1);
    Atomics.notify(this.i32, ctrl + GEN);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const need = Math.ceil((end - have) / PAGE);
      const pages = have / PAGE;
      const grow = Math.min(MAX_PAGES - pages, Math.max(need, Math.ceil(pages / 2)));
      if (need > grow) throw new Error(`the SIMD kernels need ${Math.ceil(end / 2 ** 20)} MiB for this call, above their 2 GiB memory; use a smaller batch`);
      this.memory.grow(grow);
    }
    if (this.f32.buffer.byteLength !== this.memory.buffer.byteLength) {
      this.f32 = new Float32Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
  }
}

function workerReady(worker: Worker): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no answer within 20 s'), 20_000);
    const done = (v: string | null): void => {
      clearTimeout(timer);
      resolve(v);
    };
    worker.once('message', (m: unknown) => {
      const ready = typeof m === 'object' && m !== null && 'ready' in m && m.ready === true;
      const reason = typeof m === 'object' && m !== null && 'reason' in m ? String(m.reason) : 'it failed';
      done(ready ? null : reason);
    });
    worker.once('error', (e) => done(e.message));
    worker.once('exit', (code) => done(`it exited with code ${code}`));
  });
}
