// The filter gradient without packing the big operand: dWᵀ [outC][K] = dyᵀ · im2col(x), summed over
// output pixels. A = dy, read in place (four output channels per pixel, k-major with stride outC);
// B = im2col rows, read in place through a per-pixel pointer table: a kernel row's (kw, ic) span
// is contiguous in x when the window lies inside the row, so an NR-wide panel of it is too. Runs
// that hang over padding are copied (zero-filled) into scratch first, rows above or below the input
// point at zeros. Used when spans split into whole NR panels and outC into MR rows (conv2 of the
// Keras CNN: span 96, outC 64); conv.c's packed GEMM path takes the rest.
#include "kernels.h"
#include "micro.h"

#define FB 128 // output pixels per block (the k dimension of one microkernel call)

int filter_transposed(const Geo* g) { return (g->kW * g->inC) % NR == 0 && g->outC % MR == 0; }

static int span_of(const Geo* g) { return g->kW * g->inC; }

/** Floats of per-thread working scratch this path needs: pointer table, copied runs, zeros. */
int filter_t_floats(const Geo* g) {
  int k = g->kH * span_of(g);
  return g->kH * FB + FB * k + span_of(g);
}

static void micro_ft(int kc, const float* a, int lda, const float* const* bptr, int boff, float* c, int ldc, int acc) {
  const float* bias = 0;
  int relu = 0;
  ROW(0) ROW(1) ROW(2) ROW(3)
  for (int k = 0; k < kc; k++) {
    const float* bp = bptr[k] + boff;
    v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4);
    STEP(0, a) STEP(1, a + 1) STEP(2, a + 2) STEP(3, a + 3)
    a += lda;
  }
  EPILOGUE
}

/** Sets ptrs[kh·FB + k] for the block's pixels [p0, p0 + kc). */
static void point_rows(const Geo* g, const float* x, int p0, int kc, const float** ptrs, float* copies, const float* zeros) {
  int span = span_of(g), hw = g->outH * g->outW;
  for (int k = 0; k < kc; k++) {
    int row = p0 + k, b = row / hw, rem = row - b * hw, oh = rem / g->outW, ow = rem - oh * g->outW;
    int ih0 = oh * g->sH - g->padT, iw0 = ow * g->sW - g->padL;
    int inside = g->dW == 1 && iw0 >= 0 && iw0 + g->kW <= g->inW;
    const float* xb = x + (long)b * g->inH * g->inW * g->inC;
    for (int kh = 0; kh < g->kH; kh++) {
      int ih = ih0 + kh * g->dH;
      const float** p = &ptrs[kh * FB + k];
      if (ih < 0 || ih >= g->inH) *p = zeros;
      else if (inside) *p = xb + ((long)ih * g->inW + iw0) * g->inC;
      else {
        float* d = copies + ((long)k * g->kH + kh) * span;
        for (int kw = 0; kw < g->kW; kw++, d += g->inC) {
          int iw = iw0 + kw * g->dW;
          const float* src = xb + ((long)ih * g->inW + iw) * g->inC;
          for (int q = 0; q < g->inC; q++) d[q] = iw >= 0 && iw < g->inW ? src[q] : 0.f;
        }
        *p = copies + ((long)k * g->kH + kh) * span;
      }
    }
  }
}

/** The partial over output pixels [lo, hi), transposed ([outC][K]), into `part`. */
void conv_bwd_filter_t(const Job* j, const Geo* g, int lo, int hi, float* part, float* work) {
  int span = span_of(g), k = g->kH * span;
  const float** ptrs = (const float**)work;
  float* copies = (float*)(ptrs + g->kH * FB);
  float* zeros = copies + FB * k;
  for (int q = 0; q < span; q++) zeros[q] = 0.f;
  const float *x = fptr(j->p[0]), *dy = fptr(j->p[1]);
  for (int p0 = lo; p0 < hi; p0 += FB) {
    int kc = imin(FB, hi - p0);
    point_rows(g, x, p0, kc, ptrs, copies, zeros);
    for (int kh = 0; kh < g->kH; kh++)
      for (int jp = 0; jp < span; jp += NR)
        for (int oc = 0; oc < g->outC; oc += MR)
          micro_ft(kc, dy + (long)p0 * g->outC + oc, g->outC, ptrs + kh * FB, jp, part + (long)oc * k + kh * span + jp, k,
                   p0 != lo);
  }
}

// dw = Σ_s slot_s in chunk order, transposed back to [K][outC] where the partials are [outC][K].
void filter_reduce(const Job* j, int tid) {
  Geo g = geo_of(j);
  int k = g.kH * g.kW * g.inC, n = k * g.outC, lo, hi, t = filter_transposed(&g);
  split(n, j->threads, tid, 4, &lo, &hi);
  float* out = fptr(j->p[3]);
  for (int i = lo; i < hi; i++) {
    int at = t ? (i % g.outC) * k + i / g.outC : i;
    float s = 0.f;
    for (int p = 0; p < FILTER_SLOTS * j->threads; p++) s += filter_slot(j, &g, p)[at];
    out[i] = s;
  }
}
