/**
 * The portable kernel tier: SIMD128 wasm kernels (native/wasm/*.c, built by scripts/build-wasm.mjs
 * and embedded) on worker threads sharing one memory. Always available where Node has
 * WebAssembly SIMD and worker_threads; nothing compiles at install.
 */
import os from 'node:os';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { convFields, type ConvGeometry, type FusedActivation, type KernelTier, type MatMulGeometry } from './tier';
import { JOB, KIND, SimdRuntime } from './simd/runtime';

/** A KernelTier whose helper threads can be stopped (tests, and engines that switch tiers). */
export interface SimdTier extends KernelTier {
  readonly name: 'simd';
  dispose(): Promise<void>;
}

const MAX_THREADS = 64;
/** Jobs under this much work run on the calling thread alone (a wake-up costs tens of µs, more on a busy machine). */
const SMALL_WORK = 1 << 16;

export interface SimdOptions {
  /** Work below which a job runs on the calling thread alone (default 2¹⁶; tests use 0 to split everything). */
  readonly aloneBelow?: number;
}

function expectLength(what: string, arr: Float32Array, n: number): void {
  if (arr.length !== n) throw new Error(`simd tier: ${what} has ${arr.length} floats, the geometry needs ${n}`);
}

function checkConv(g: ConvGeometry): void {
  const positive = [g.kH, g.kW, g.strideH, g.strideW, g.dilationH, g.dilationW];
  const nonNegative = [g.batch, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC];
  if (!positive.every((v) => Number.isInteger(v) && v >= 1) || !nonNegative.every((v) => Number.isInteger(v) && v >= 0)) {
    throw new Error(`simd tier: bad convolution geometry ${JSON.stringify(g)}`);
  }
}

const sizes = (g: ConvGeometry): { x: number; y: number } => ({
  x: g.batch * g.inH * g.inW * g.inC,
  y: g.batch * g.outH * g.outW * g.outC,
});

const actCode = (act: FusedActivation): number => (act === 'relu' ? 1 : 0);

function makeTier(rt: SimdRuntime, aloneBelow: number): SimdTier {
  /**
   * One call: inputs in, one job (and an optional second phase), the output out. `work` (about the
   * multiply-adds or elements touched) decides whether the helpers are worth waking; the choice
   * depends only on the shapes, so results stay deterministic.
   */
  const call = (
    kind: number,
    inputs: readonly (Float32Array | null)[],
    out: Float32Array,
    g: readonly number[],
    extra: { act?: number; n?: number; n2?: number },
    work: number,
    reduceKind = 0,
  ): void => {
    if (out.length === 0) return;
    rt.begin();
    const p = inputs.map((a) => (a === null ? 0 : rt.put(a)));
    while (p.length < 3) p.push(0);
    const o = rt.alloc(out.length);
    p.push(o);
    rt.job(kind, p, g, extra, work < aloneBelow);
    rt.dispatch();
    if (reduceKind > 0) {
      // Phase two of a partial-sum kernel: add the threads' partials, in thread order.
      rt.patch({ [JOB.kind]: reduceKind });
      rt.dispatch();
    }
    rt.read(o, out);
  };

  return {
    name: 'simd',
    detail: `SIMD128 wasm kernels, ${rt.threads} thread${rt.threads === 1 ? '' : 's'}`,
    threads: rt.threads,

    conv2d(g, x, w, bias, act, out) {
      checkConv(g);
      expectLength('conv2d x', x, sizes(g).x);
      expectLength('conv2d w', w, g.kH * g.kW * g.inC * g.outC);
      if (bias) expectLength('conv2d bias', bias, g.outC);
      expectLength('conv2d out', out, sizes(g).y);
      call(KIND.conv, [x, w, bias], out, convFields(g), { act: actCode(act) }, out.length * g.kH * g.kW * g.inC);
    },
    conv2dBackpropInput(g, dy, w, dx) {
      checkConv(g);
      expectLength('conv2dBackpropInput dy', dy, sizes(g).y);
      expectLength('conv2dBackpropInput w', w, g.kH * g.kW * g.inC * g.outC);
      expectLength('conv2dBackpropInput dx', dx, sizes(g).x);
      call(KIND.convBackpropInput, [dy, w], dx, convFields(g), {}, dy.length * g.kH * g.kW * g.inC);
    },
    conv2dBackpropFilter(g, x, dy, dw) {
      checkConv(g);
      expectLength('conv2dBackpropFilter x', x, sizes(g).x);
      expectLength('conv2dBackpropFilter dy', dy, sizes(g).y);
      expectLength('conv2dBackpropFilter dw', dw, g.kH * g.kW * g.inC * g.outC);
      call(KIND.convBackpropFilter, [x, dy], dw, convFields(g), {}, dy.length * g.kH * g.kW * g.inC, KIND.filterReduce);
    },

    depthwiseConv2d(g, x, w, bias, act, out) {
      checkDepthwise(g);
      expectLength('depthwiseConv2d x', x, sizes(g).x);
      expectLength('depthwiseConv2d w', w, g.kH * g.kW * g.outC);
      if (bias) expectLength('depthwiseConv2d bias', bias, g.outC);
      expectLength('depthwiseConv2d out', out, sizes(g).y);
      call(KIND.depthwise, [x, w, bias], out, convFields(g), { act: actCode(act) }, out.length * g.kH * g.kW);
    },
    depthwiseConv2dBackpropInput(g, dy, w, dx) {
      checkDepthwise(g);
      expectLength('depthwiseConv2dBackpropInput dy', dy, sizes(g).y);
      expectLength('depthwiseConv2dBackpropInput w', w, g.kH * g.kW * g.outC);
      expectLength('depthwiseConv2dBackpropInput dx', dx, sizes(g).x);
      call(KIND.depthwiseBackpropInput, [dy, w], dx, convFields(g), {}, dy.length * g.kH * g.kW);
    },
    depthwiseConv2dBackpropFilter(g, x, dy, dw) {
      checkDepthwise(g);
      expectLength('depthwiseConv2dBackpropFilter x', x, sizes(g).x);
      expectLength('depthwiseConv2dBackpropFilter dy', dy, sizes(g).y);
      expectLength('depthwiseConv2dBackpropFilter dw', dw, g.kH * g.kW * g.outC);
      call(KIND.depthwiseBackpropFilter, [x, dy], dw, convFields(g), {}, dy.length * g.kH * g.kW);
    },

    matMul(g: MatMulGeometry, a, b, bias, act, out) {
      const dims = [g.batch, g.m, g.k, g.n];
      if (!dims.every((v) => Number.isInteger(v) && v >= 0) || (g.aBatch !== 1 && g.aBatch !== g.batch) || (g.bBatch !== 1 && g.bBatch !== g.batch)) {
        throw new Error(`simd tier: bad matMul geometry ${JSON.stringify(g)}`);
      }
      expectLength('matMul a', a, g.aBatch * g.m * g.k);
      expectLength('matMul b', b, g.bBatch * g.k * g.n);
      if (bias) expectLength('matMul bias', bias, g.n);
      expectLength('matMul out', out, g.batch * g.m * g.n);
      const fields = [g.batch, g.aBatch, g.bBatch, g.m, g.k, g.n, g.transA ? 1 : 0, g.transB ? 1 : 0];
      call(KIND.matMul, [a, b, bias], out, fields, { act: actCode(act) }, out.length * g.k);
    },

    maxPool(g, x, out) {
      checkPool(g);
      expectLength('maxPool x', x, sizes(g).x);
      expectLength('maxPool out', out, sizes(g).y);
      call(KIND.maxPool, [x], out, convFields(g), {}, out.length * g.kH * g.kW);
    },
    maxPoolGrad(g, x, dy, dx) {
      checkPool(g);
      expectLength('maxPoolGrad x', x, sizes(g).x);
      expectLength('maxPoolGrad dy', dy, sizes(g).y);
      expectLength('maxPoolGrad dx', dx, sizes(g).x);
      call(KIND.maxPoolGrad, [x, dy], dx, convFields(g), {}, dy.length * g.kH * g.kW);
    },
    avgPool(g, x, out) {
      checkPool(g);
      expectLength('avgPool x', x, sizes(g).x);
      expectLength('avgPool out', out, sizes(g).y);
      call(KIND.avgPool, [x], out, convFields(g), {}, out.length * g.kH * g.kW);
    },
    avgPoolGrad(g, dy, dx) {
      checkPool(g);
      expectLength('avgPoolGrad dy', dy, sizes(g).y);
      expectLength('avgPoolGrad dx', dx, sizes(g).x);
      call(KIND.avgPoolGrad, [null, dy], dx, convFields(g), {}, dy.length * g.kH * g.kW);
    },

    reluGrad(dy, y, out) {
      expectLength('reluGrad y', y, dy.length);
      expectLength('reluGrad out', out, dy.length);
      call(KIND.reluGrad, [dy, y], out, [], { n: dy.length }, dy.length);
    },
    sumRows(x, rows, cols, out) {
      expectLength('sumRows x', x, rows * cols);
      expectLength('sumRows out', out, cols);
      if (rows === 0) {
        out.fill(0);
        return;
      }
      call(KIND.sumRows, [x], out, [], { n: rows, n2: cols }, x.length, KIND.sumRowsReduce);
    },

    dispose: () => rt.dispose(),
  };
}

function checkDepthwise(g: ConvGeometry): void {
  checkConv(g);
  if (g.inC === 0 || g.outC % g.inC !== 0) throw new Error(`simd tier: depthwise outC ${g.outC} is not a multiple of inC ${g.inC}`);
}

function checkPool(g: ConvGeometry): void {
  checkConv(g);
  if (g.outC !== g.inC) throw new Error(`simd tier: pooling needs outC = inC (got ${g.outC} and ${g.inC})`);
}

/**
 * Starts the tier with `threads` threads in all (the calling one plus threads − 1 workers;
 * default: the machine's available parallelism).
 */
export async function loadSimdTier(threads?: number, options: SimdOptions = {}): Promise<Outcome<KernelTier>> {
  const n = Math.max(1, Math.min(MAX_THREADS, Math.floor(threads ?? os.availableParallelism())));
  try {
    const rt = await SimdRuntime.start(n);
    if (!rt.ok) return rt;
    return success(makeTier(rt.value, options.aloneBelow ?? SMALL_WORK));
  } catch (e) {
    return failure(`the SIMD128 kernel tier did not start (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Like loadSimdTier, but typed with dispose() for callers that stop the threads themselves. */
export async function startSimdTier(threads?: number, options: SimdOptions = {}): Promise<Outcome<SimdTier>> {
  const load = await loadSimdTier(threads, options);
  if (!load.ok) return load;
  const tier = load.value;
  return isSimdTier(tier) ? success(tier) : failure('the SIMD tier has no dispose');
}

function isSimdTier(t: KernelTier): t is SimdTier {
  return t.name === 'simd' && 'dispose' in t && typeof t.dispose === 'function';
}
