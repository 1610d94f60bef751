/**
 * The contract every kernel tier of ours implements (the native N-API addon and the portable
 * SIMD128 wasm module on worker threads). The tfjs glue (`main/engine/kernels/register.ts`) computes
 * the geometry from tfjs's own attributes, takes Float32Array views of the tensors and calls one of
 * these; the tier only does arithmetic.
 *
 * Conventions, the same for every method:
 * - Layouts are tfjs/Keras's: activations NHWC, conv filters HWIO ([kh, kw, inC, outC]), depthwise
 *   filters [kh, kw, inC, multiplier], matrices row-major.
 * - `out` is written completely (never accumulated into) and never aliases an input.
 * - Calls are synchronous; the tier may use all its threads inside one call and returns when done.
 * - Results are deterministic for a given thread count: work is split statically and every sum
 *   is accumulated in the same order run after run.
 * - Float32 throughout; results agree with tfjs's cpu backend to ~1e-5 relative.
 */

export type FusedActivation = 'linear' | 'relu';

/** Convolution and pooling geometry, as tfjs's `backend_util.Conv2DInfo` describes it. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outH: number;
  readonly outW: number;
  /** Output channels: conv filters, inC × multiplier for depthwise, inC for pooling. */
  readonly outC: number;
  /** Kernel (or pooling window) size. */
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  /** Padding before the first row / column (tfjs's padInfo.top / padInfo.left); the rest follows from outH/outW. */
  readonly padTop: number;
  readonly padLeft: number;
}

/** A geometry as the fifteen numbers both tiers' entry points (the addon's arguments, the wasm job's fields) take, in ConvGeometry's order. */
export type ConvFields = [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];

export const convFields = (g: ConvGeometry): ConvFields => [
  g.batch,
  g.inH,
  g.inW,
  g.inC,
  g.outH,
  g.outW,
  g.outC,
  g.kH,
  g.kW,
  g.strideH,
  g.strideW,
  g.dilationH,
  g.dilationW,
  g.padTop,
  g.padLeft,
];

export interface MatMulGeometry {
  /** Batch count; a and b each hold `batch` matrices (b may be shared: bBatch 1). */
  readonly batch: number;
  readonly aBatch: number;
  readonly bBatch: number;
  /** out[batch][m][n] = op(a)[m][k] · op(b)[k][n]. */
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** op(a) = aᵀ: a is stored [k][m]. */
  readonly transA: boolean;
  /** op(b) = bᵀ: b is stored [n][k]. */
  readonly transB: boolean;
}

export interface KernelTier {
  /** 'native' (N-API addon) or 'simd' (SIMD128 wasm on worker threads). */
  readonly name: 'native' | 'simd';
  /** What the user sees, e.g. "native kernels on OpenBLAS 0.3.21, 2 threads". */
  readonly detail: string;
  readonly threads: number;

  /** out [batch, outH, outW, outC] = act(conv(x, w) + bias); bias [outC] or null. */
  conv2d(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void;
  /** dx [batch, inH, inW, inC] from dy [batch, outH, outW, outC] and w (HWIO). */
  conv2dBackpropInput(g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array): void;
  /** dw [kH, kW, inC, outC] from x and dy. */
  conv2dBackpropFilter(g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array): void;

  /** Depthwise: outC = inC × multiplier, output channel c·mult + q reads input channel c. */
  depthwiseConv2d(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void;
  depthwiseConv2dBackpropInput(g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array): void;
  depthwiseConv2dBackpropFilter(g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array): void;

  /** out [batch, m, n] = act(op(a) · op(b) + bias); bias [n] or null. */
  matMul(g: MatMulGeometry, a: Float32Array, b: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void;

  /** Max pooling (outC = inC); padding cells never win. */
  maxPool(g: ConvGeometry, x: Float32Array, out: Float32Array): void;
  /** dx: each window's dy goes to the first cell (row-major within the window) holding the window's max of x. */
  maxPoolGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array, dx: Float32Array): void;
  /** Average pooling; the divisor counts only cells inside the input (tfjs's rule). */
  avgPool(g: ConvGeometry, x: Float32Array, out: Float32Array): void;
  /** dx: each window's dy / (kH·kW) to its cells inside the input (tfjs's AvgPoolGrad divides by the whole window, unlike the forward). */
  avgPoolGrad(g: ConvGeometry, dy: Float32Array, dx: Float32Array): void;

  /** out[i] = y[i] > 0 ? dy[i] : 0 (the fused ReLU's gradient; y is the layer's output). */
  reluGrad(dy: Float32Array, y: Float32Array, out: Float32Array): void;
  /** out[c] = Σ_r x[r·cols + c] (the bias gradient). */
  sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void;
}
