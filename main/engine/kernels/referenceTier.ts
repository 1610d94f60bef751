import type { ConvGeometry, FusedActivation, KernelTier, MatMulGeometry } from './tier';

/**
 * The contract in plain loops, one output element at a time: slow, single-threaded and easy to
 * check by eye. It is the glue's test double (every tfjs kernel of ours can be exercised without a
 * compiled tier) and the tests' second oracle beside tfjs's cpu backend.
 */

const at = (a: Float32Array, i: number): number => a[i] ?? 0;

function activate(v: number, act: FusedActivation): number {
  return act === 'relu' && v < 0 ? 0 : v;
}

/** Input row for output row `o`, kernel row `k` (negative or ≥ size: padding). */
const inRow = (g: ConvGeometry, o: number, k: number): number => o * g.strideH - g.padTop + k * g.dilationH;
const inCol = (g: ConvGeometry, o: number, k: number): number => o * g.strideW - g.padLeft + k * g.dilationW;

/** Calls `f(xBase, yBase, kh, kw)` (offsets of the input pixel and output cell) for every (output cell, kernel tap) pair that lands inside the input. */
function forEachTap(g: ConvGeometry, f: (xBase: number, yBase: number, kh: number, kw: number) => void): void {
  for (let n = 0; n < g.batch; n++) {
    for (let oh = 0; oh < g.outH; oh++) {
      for (let ow = 0; ow < g.outW; ow++) {
        const yBase = ((n * g.outH + oh) * g.outW + ow) * g.outC;
        for (let kh = 0; kh < g.kH; kh++) {
          const ih = inRow(g, oh, kh);
          if (ih < 0 || ih >= g.inH) continue;
          for (let kw = 0; kw < g.kW; kw++) {
            const iw = inCol(g, ow, kw);
            if (iw < 0 || iw >= g.inW) continue;
            f(((n * g.inH + ih) * g.inW + iw) * g.inC, yBase, kh, kw);
          }
        }
      }
    }
  }
}

function epilogue(out: Float32Array, channels: number, bias: Float32Array | null, act: FusedActivation): void {
  for (let i = 0; i < out.length; i++) out[i] = activate(at(out, i) + (bias === null ? 0 : at(bias, i % channels)), act);
}

function conv2d(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void {
  out.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let ic = 0; ic < g.inC; ic++) {
      const wb = ((kh * g.kW + kw) * g.inC + ic) * g.outC;
      const xv = at(x, xb + ic);
      for (let oc = 0; oc < g.outC; oc++) out[yb + oc] = at(out, yb + oc) + xv * at(w, wb + oc);
    }
  });
  epilogue(out, g.outC, bias, act);
}

function conv2dBackpropInput(g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array): void {
  dx.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let ic = 0; ic < g.inC; ic++) {
      const wb = ((kh * g.kW + kw) * g.inC + ic) * g.outC;
      let s = 0;
      for (let oc = 0; oc < g.outC; oc++) s += at(dy, yb + oc) * at(w, wb + oc);
      dx[xb + ic] = at(dx, xb + ic) + s;
    }
  });
}

function conv2dBackpropFilter(g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array): void {
  dw.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let ic = 0; ic < g.inC; ic++) {
      const wb = ((kh * g.kW + kw) * g.inC + ic) * g.outC;
      const xv = at(x, xb + ic);
      for (let oc = 0; oc < g.outC; oc++) dw[wb + oc] = at(dw, wb + oc) + xv * at(dy, yb + oc);
    }
  });
}

/** Depthwise: output channel c·mult + q reads input channel c with filter [kh, kw, c, q]. */
function depthwiseConv2d(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void {
  const mult = g.outC / g.inC;
  out.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let o = 0; o < g.outC; o++) out[yb + o] = at(out, yb + o) + at(x, xb + Math.floor(o / mult)) * at(w, (kh * g.kW + kw) * g.outC + o);
  });
  epilogue(out, g.outC, bias, act);
}

function depthwiseConv2dBackpropInput(g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array): void {
  const mult = g.outC / g.inC;
  dx.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let o = 0; o < g.outC; o++) {
      const xi = xb + Math.floor(o / mult);
      dx[xi] = at(dx, xi) + at(dy, yb + o) * at(w, (kh * g.kW + kw) * g.outC + o);
    }
  });
}

function depthwiseConv2dBackpropFilter(g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array): void {
  const mult = g.outC / g.inC;
  dw.fill(0);
  forEachTap(g, (xb, yb, kh, kw) => {
    for (let o = 0; o < g.outC; o++) {
      const wi = (kh * g.kW + kw) * g.outC + o;
      dw[wi] = at(dw, wi) + at(x, xb + Math.floor(o / mult)) * at(dy, yb + o);
    }
  });
}

function matMul(g: MatMulGeometry, a: Float32Array, b: Float32Array, bias: Float32Array | null, act: FusedActivation, out: Float32Array): void {
  const { m, k, n } = g;
  for (let bi = 0; bi < g.batch; bi++) {
    const aBase = (g.aBatch === 1 ? 0 : bi) * m * k;
    const bBase = (g.bBatch === 1 ? 0 : bi) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const av = at(a, aBase + (g.transA ? p * m + i : i * k + p));
          const bv = at(b, bBase + (g.transB ? j * k + p : p * n + j));
          s += av * bv;
        }
        out[(bi * m + i) * n + j] = activate(s + (bias === null ? 0 : at(bias, j)), act);
      }
    }
  }
}

/** Calls `f(x index, window index)` for every in-input cell of every pooling window, windows in output order. */
function forEachWindowCell(g: ConvGeometry, f: (xi: number, oi: number) => void): void {
  forEachTap(g, (xb, yb) => {
    for (let c = 0; c < g.outC; c++) f(xb + c, yb + c);
  });
}

function maxPool(g: ConvGeometry, x: Float32Array, out: Float32Array): void {
  out.fill(-Infinity);
  forEachWindowCell(g, (xi, oi) => (out[oi] = Math.max(at(out, oi), at(x, xi))));
}

function maxPoolGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array, dx: Float32Array): void {
  const best = new Float32Array(dy.length).fill(-Infinity);
  const winner = new Int32Array(dy.length).fill(-1);
  // Strictly greater: the first maximum in row-major window order wins (tfjs's rule).
  forEachWindowCell(g, (xi, oi) => {
    if (winner[oi] === -1 || at(x, xi) > at(best, oi)) {
      best[oi] = at(x, xi);
      winner[oi] = xi;
    }
  });
  dx.fill(0);
  winner.forEach((xi, oi) => {
    if (xi >= 0) dx[xi] = at(dx, xi) + at(dy, oi);
  });
}

function avgPool(g: ConvGeometry, x: Float32Array, out: Float32Array): void {
  const count = new Float32Array(out.length);
  out.fill(0);
  forEachWindowCell(g, (xi, oi) => {
    out[oi] = at(out, oi) + at(x, xi);
    count[oi] = at(count, oi) + 1;
  });
  for (let i = 0; i < out.length; i++) out[i] = at(out, i) / Math.max(1, at(count, i));
}

/** tfjs's AvgPoolGrad divides by the whole window (kH·kW), not by the in-input count its forward pass uses. */
function avgPoolGrad(g: ConvGeometry, dy: Float32Array, dx: Float32Array): void {
  const scale = 1 / (g.kH * g.kW);
  dx.fill(0);
  forEachWindowCell(g, (xi, oi) => (dx[xi] = at(dx, xi) + at(dy, oi) * scale));
}

function reluGrad(dy: Float32Array, y: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = at(y, i) > 0 ? at(dy, i) : 0;
}

function sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  out.fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c] = at(out, c) + at(x, r * cols + c);
}

/** The reference tier. It reports itself as 'simd' only because the contract knows two tier names; `detail` says what it is. */
export const referenceTier: KernelTier = {
  name: 'simd',
  detail: 'reference kernels (plain TypeScript loops, 1 thread)',
  threads: 1,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  depthwiseConv2d,
  depthwiseConv2dBackpropInput,
  depthwiseConv2dBackpropFilter,
  matMul,
  maxPool,
  maxPoolGrad,
  avgPool,
  avgPoolGrad,
  reluGrad,
  sumRows,
};
