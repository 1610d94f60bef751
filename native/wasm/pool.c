// Pooling, its gradients and the small elementwise kernels, four channels per SIMD vector.
#include "kernels.h"

#define NEG_INF (-__builtin_inff())

static void window(const Geo* g, int oh, int ow, int* h0, int* h1, int* w0, int* w1) {
  int ih = oh * g->sH - g->padT, iw = ow * g->sW - g->padL;
  // First and one-past-last kernel taps that land inside the input.
  *h0 = 0;
  while (*h0 < g->kH && ih + *h0 * g->dH < 0) (*h0)++;
  *h1 = g->kH;
  while (*h1 > *h0 && ih + (*h1 - 1) * g->dH >= g->inH) (*h1)--;
  *w0 = 0;
  while (*w0 < g->kW && iw + *w0 * g->dW < 0) (*w0)++;
  *w1 = g->kW;
  while (*w1 > *w0 && iw + (*w1 - 1) * g->dW >= g->inW) (*w1)--;
}

#define CELL(b, ih, iw) (((long)(b) * g.inH + (ih)) * g.inW + (iw)) * g.inC
#define OUTP(b, oh, ow) (((long)(b) * g.outH + (oh)) * g.outW + (ow)) * g.outC

static void pool_fwd(const Job* j, int tid, int avg) {
  Geo g = geo_of(j);
  const float* x = fptr(j->p[0]);
  float* out = fptr(j->p[3]);
  int lo, hi;
  split(g.batch * g.outH, j->threads, tid, 1, &lo, &hi);
  for (int row = lo; row < hi; row++) {
    int b = row / g.outH, oh = row - b * g.outH;
    for (int ow = 0; ow < g.outW; ow++) {
      int h0, h1, w0, w1;
      window(&g, oh, ow, &h0, &h1, &w0, &w1);
      int ih = oh * g.sH - g.padT, iw = ow * g.sW - g.padL, count = (h1 - h0) * (w1 - w0);
      float* o = out + OUTP(b, oh, ow);
      v128_t inv = wasm_f32x4_splat(count ? 1.f / (float)count : 0.f);
      int c = 0;
      for (; c + 4 <= g.inC; c += 4) {
        v128_t acc = wasm_f32x4_splat(avg ? 0.f : NEG_INF);
        for (int kh = h0; kh < h1; kh++)
          for (int kw = w0; kw < w1; kw++) {
            v128_t v = wasm_v128_load(x + CELL(b, ih + kh * g.dH, iw + kw * g.dW) + c);
            acc = avg ? wasm_f32x4_add(acc, v) : wasm_f32x4_pmax(acc, v);
          }
        wasm_v128_store(o + c, avg ? wasm_f32x4_mul(acc, inv) : acc);
      }
      for (; c < g.inC; c++) {
        float acc = avg ? 0.f : NEG_INF;
        for (int kh = h0; kh < h1; kh++)
          for (int kw = w0; kw < w1; kw++) {
            float v = x[CELL(b, ih + kh * g.dH, iw + kw * g.dW) + c];
            acc = avg ? acc + v : (v > acc ? v : acc);
          }
        o[c] = avg ? acc * wasm_f32x4_extract_lane(inv, 0) : acc;
      }
    }
  }
}

void max_pool(const Job* j, int tid) { pool_fwd(j, tid, 0); }
void avg_pool(const Job* j, int tid) { pool_fwd(j, tid, 1); }

// The gradients scatter into dx, so threads own whole images, or channel ranges when there are
// fewer images than threads; either way every dx cell adds its windows in the same order.
static void grad_range(const Job* j, int tid, const Geo* g, int* b0, int* b1, int* c0, int* c1) {
  *b0 = 0, *b1 = g->batch, *c0 = 0, *c1 = g->inC;
  if (g->batch >= j->threads) split(g->batch, j->threads, tid, 1, b0, b1);
  else split(g->inC, j->threads, tid, 4, c0, c1);
}

static void zero_dx(const Geo* g, float* dx, int b0, int b1, int c0, int c1) {
  long cells = (long)g->inH * g->inW;
  for (int b = b0; b < b1; b++)
    for (long p = 0; p < cells; p++) {
      float* d = dx + ((long)b * cells + p) * g->inC;
      for (int c = c0; c < c1; c++) d[c] = 0.f;
    }
}

void max_pool_grad(const Job* j, int tid) {
  Geo g = geo_of(j);
  const float *x = fptr(j->p[0]), *dy = fptr(j->p[1]);
  float* dx = fptr(j->p[3]);
  int b0, b1, c0, c1;
  grad_range(j, tid, &g, &b0, &b1, &c0, &c1);
  // Windows that cannot overlap (MaxPool 2×2 stride 2) store their cells instead of adding; when
  // they also tile the input exactly, every cell gets stored and nothing needs zeroing first.
  int disjoint = g.sH > (g.kH - 1) * g.dH && g.sW > (g.kW - 1) * g.dW;
  int tiled = disjoint && g.dH == 1 && g.dW == 1 && g.sH == g.kH && g.sW == g.kW && g.padT == 0 && g.padL == 0 &&
              g.outH * g.kH == g.inH && g.outW * g.kW == g.inW;
  if (!tiled) zero_dx(&g, dx, b0, b1, c0, c1);
  v128_t ninf = wasm_f32x4_splat(NEG_INF);
  for (int b = b0; b < b1; b++)
    for (int oh = 0; oh < g.outH; oh++)
      for (int ow = 0; ow < g.outW; ow++) {
        int h0, h1, w0, w1;
        window(&g, oh, ow, &h0, &h1, &w0, &w1);
        int ih = oh * g.sH - g.padT, iw = ow * g.sW - g.padL;
        const float* d = dy + OUTP(b, oh, ow);
        int c = c0;
        for (; c + 4 <= c1; c += 4) {
          v128_t mx = ninf;
          for (int kh = h0; kh < h1; kh++)
            for (int kw = w0; kw < w1; kw++)
              mx = wasm_f32x4_pmax(mx, wasm_v128_load(x + CELL(b, ih + kh * g.dH, iw + kw * g.dW) + c));
          // A lane is still open until its first cell holding the max takes the gradient
          // (a window of only -inf gives none, as in tfjs).
          v128_t open = wasm_f32x4_gt(mx, ninf), dv = wasm_v128_load(d + c);
          for (int kh = h0; kh < h1; kh++)
            for (int kw = w0; kw < w1; kw++) {
              long at = CELL(b, ih + kh * g.dH, iw + kw * g.dW) + c;
              v128_t hit = wasm_v128_and(open, wasm_f32x4_eq(wasm_v128_load(x + at), mx));
              v128_t add = wasm_v128_and(hit, dv);
              wasm_v128_store(dx + at, disjoint ? add : wasm_f32x4_add(wasm_v128_load(dx + at), add));
              open = wasm_v128_andnot(open, hit);
            }
        }
        for (; c < c1; c++) {
          float mx = NEG_INF;
          long best = -1;
          for (int kh = h0; kh < h1; kh++)
            for (int kw = w0; kw < w1; kw++) {
              long at = CELL(b, ih + kh * g.dH, iw + kw * g.dW) + c;
              if (tiled) dx[at] = 0.f;
              if (x[at] > mx) mx = x[at], best = at;
            }
          if (best >= 0) dx[best] += d[c];
        }
      }
}

// tfjs's AvgPoolGrad spreads dy / (kH·kW) over the window's cells inside the input (its forward
// divides by the count of those cells; the gradient kernel does not), and we match it.
void avg_pool_grad(const Job* j, int tid) {
  Geo g = geo_of(j);
  const float* dy = fptr(j->p[1]);
  float* dx = fptr(j->p[3]);
  int b0, b1, c0, c1;
  grad_range(j, tid, &g, &b0, &b1, &c0, &c1);
  zero_dx(&g, dx, b0, b1, c0, c1);
  float scale = 1.f / (float)(g.kH * g.kW);
  v128_t sv = wasm_f32x4_splat(scale);
  for (int b = b0; b < b1; b++)
    for (int oh = 0; oh < g.outH; oh++)
      for (int ow = 0; ow < g.outW; ow++) {
        int h0, h1, w0, w1;
        window(&g, oh, ow, &h0, &h1, &w0, &w1);
        int ih = oh * g.sH - g.padT, iw = ow * g.sW - g.padL;
        const float* d = dy + OUTP(b, oh, ow);
        for (int kh = h0; kh < h1; kh++)
          for (int kw = w0; kw < w1; kw++) {
            float* t = dx + CELL(b, ih + kh * g.dH, iw + kw * g.dW);
            int c = c0;
            for (; c + 4 <= c1; c += 4)
              wasm_v128_store(t + c, wasm_f32x4_add(wasm_v128_load(t + c), wasm_f32x4_mul(wasm_v128_load(d + c), sv)));
            for (; c < c1; c++) t[c] += d[c] * scale;
          }
      }
}

void relu_grad(const Job* j, int tid) {
  const float *dy = fptr(j->p[0]), *y = fptr(j->p[1]);
  float* out = fptr(j->p[3]);
  int lo, hi;
  split(j->n, j->threads, tid, 16, &lo, &hi);
  v128_t zero = wasm_f32x4_splat(0.f);
  int i = lo;
  for (; i + 4 <= hi; i += 4)
    wasm_v128_store(out + i, wasm_v128_and(wasm_f32x4_gt(wasm_v128_load(y + i), zero), wasm_v128_load(dy + i)));
  for (; i < hi; i++) out[i] = y[i] > 0.f ? dy[i] : 0.f;
}

// Threads own contiguous row ranges (each streams only its part of x) and sum them into a partial
// at the start of their scratch, 256-row blocks summed apart and then added, which keeps sums over
// ~10⁵ rows accurate in float32; K_SUM_ROWS_REDUCE then adds the partials in thread order.
void sum_rows(const Job* j, int tid) {
  const float* x = fptr(j->p[0]);
  float *part = scratch_of(j, tid), *block = part + j->n2;
  int cols = j->n2, lo, hi;
  split(j->n, j->threads, tid, 1, &lo, &hi);
  for (int c = 0; c < cols; c++) part[c] = 0.f;
  for (int r0 = lo; r0 < hi; r0 += 256) {
    int r1 = imin(hi, r0 + 256);
    for (int c = 0; c < cols; c++) block[c] = 0.f;
    for (int r = r0; r < r1; r++) {
      const float* xr = x + (long)r * cols;
      int c = 0;
      for (; c + 4 <= cols; c += 4) wasm_v128_store(block + c, wasm_f32x4_add(wasm_v128_load(block + c), wasm_v128_load(xr + c)));
      for (; c < cols; c++) block[c] += xr[c];
    }
    for (int c = 0; c < cols; c++) part[c] += block[c];
  }
}

void sum_rows_reduce(const Job* j, int tid) {
  float* out = fptr(j->p[3]);
  int lo, hi;
  split(j->n2, j->threads, tid, 4, &lo, &hi);
  for (int c = lo; c < hi; c++) {
    float s = 0.f;
    for (int t = 0; t < j->threads; t++) s += scratch_of(j, t)[c];
    out[c] = s;
  }
}
