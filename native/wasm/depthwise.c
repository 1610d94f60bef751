// Depthwise convolution, direct (no GEMM: each output channel reads one input channel). Output
// channel o = c·mult + q reads input channel c, and its weight is w[(kh·kW + kw)·outC + o].
// The multiplier-1 case (every MobileNet-style block) runs four channels per SIMD vector.
#include "kernels.h"

static inline void madd(float* d, const float* a, const float* b, int n) {
  int q = 0;
  for (; q + 4 <= n; q += 4)
    wasm_v128_store(d + q, wasm_f32x4_add(wasm_v128_load(d + q), wasm_f32x4_mul(wasm_v128_load(a + q), wasm_v128_load(b + q))));
  for (; q < n; q++) d[q] += a[q] * b[q];
}

void dw_fwd(const Job* j, int tid) {
  Geo g = geo_of(j);
  int mult = g.outC / g.inC, lo, hi;
  const float *x = fptr(j->p[0]), *w = fptr(j->p[1]), *bias = j->p[2] ? fptr(j->p[2]) : 0;
  float* out = fptr(j->p[3]);
  split(g.batch * g.outH, j->threads, tid, 1, &lo, &hi);
  for (int row = lo; row < hi; row++) {
    int b = row / g.outH, oh = row - b * g.outH;
    for (int ow = 0; ow < g.outW; ow++) {
      float* o = out + ((long)row * g.outW + ow) * g.outC;
      for (int c = 0; c < g.outC; c++) o[c] = bias ? bias[c] : 0.f;
      for (int kh = 0; kh < g.kH; kh++) {
        int ih = oh * g.sH - g.padT + kh * g.dH;
        if (ih < 0 || ih >= g.inH) continue;
        for (int kw = 0; kw < g.kW; kw++) {
          int iw = ow * g.sW - g.padL + kw * g.dW;
          if (iw < 0 || iw >= g.inW) continue;
          const float* xs = x + (((long)b * g.inH + ih) * g.inW + iw) * g.inC;
          const float* ws = w + (long)(kh * g.kW + kw) * g.outC;
          if (mult == 1) madd(o, xs, ws, g.outC);
          else
            for (int c = 0; c < g.outC; c++) o[c] += xs[c / mult] * ws[c];
        }
      }
      if (j->act)
        for (int c = 0; c < g.outC; c++) o[c] = o[c] > 0.f ? o[c] : 0.f;
    }
  }
}

// Gathered per input pixel (each dx cell sums the windows that cover it), so rows split freely.
void dw_bwd_input(const Job* j, int tid) {
  Geo g = geo_of(j);
  int mult = g.outC / g.inC, lo, hi;
  const float *dy = fptr(j->p[0]), *w = fptr(j->p[1]);
  float* dx = fptr(j->p[3]);
  split(g.batch * g.inH, j->threads, tid, 1, &lo, &hi);
  for (int row = lo; row < hi; row++) {
    int b = row / g.inH, ih = row - b * g.inH;
    for (int iw = 0; iw < g.inW; iw++) {
      float* d = dx + ((long)row * g.inW + iw) * g.inC;
      for (int c = 0; c < g.inC; c++) d[c] = 0.f;
      for (int kh = 0; kh < g.kH; kh++) {
        int t = ih + g.padT - kh * g.dH;
        if (t < 0 || t % g.sH) continue;
        int oh = t / g.sH;
        if (oh >= g.outH) continue;
        for (int kw = 0; kw < g.kW; kw++) {
          int u = iw + g.padL - kw * g.dW;
          if (u < 0 || u % g.sW) continue;
          int ow = u / g.sW;
          if (ow >= g.outW) continue;
          const float* ds = dy + (((long)b * g.outH + oh) * g.outW + ow) * g.outC;
          const float* ws = w + (long)(kh * g.kW + kw) * g.outC;
          if (mult == 1) madd(d, ds, ws, g.inC);
          else
            for (int c = 0; c < g.inC; c++) {
              float s = 0.f;
              for (int q = 0; q < mult; q++) s += ds[c * mult + q] * ws[c * mult + q];
              d[c] += s;
            }
        }
      }
    }
  }
}

// Threads own kernel positions (kh, kw): each dw row sums over every pixel in one fixed order,
// image by image (a per-image partial keeps long float sums accurate), whatever the thread count.
void dw_bwd_filter(const Job* j, int tid) {
  Geo g = geo_of(j);
  int mult = g.outC / g.inC, lo, hi;
  const float *x = fptr(j->p[0]), *dy = fptr(j->p[1]);
  float *dw = fptr(j->p[3]), *part = scratch_of(j, tid);
  split(g.kH * g.kW, j->threads, tid, 1, &lo, &hi);
  for (int pos = lo; pos < hi; pos++) {
    int kh = pos / g.kW, kw = pos - kh * g.kW;
    float* d = dw + (long)pos * g.outC;
    for (int c = 0; c < g.outC; c++) d[c] = 0.f;
    for (int b = 0; b < g.batch; b++) {
      for (int c = 0; c < g.outC; c++) part[c] = 0.f;
      for (int oh = 0; oh < g.outH; oh++) {
        int ih = oh * g.sH - g.padT + kh * g.dH;
        if (ih < 0 || ih >= g.inH) continue;
        for (int ow = 0; ow < g.outW; ow++) {
          int iw = ow * g.sW - g.padL + kw * g.dW;
          if (iw < 0 || iw >= g.inW) continue;
          const float* xs = x + (((long)b * g.inH + ih) * g.inW + iw) * g.inC;
          const float* ds = dy + (((long)b * g.outH + oh) * g.outW + ow) * g.outC;
          if (mult == 1) madd(part, xs, ds, g.outC);
          else
            for (int c = 0; c < g.outC; c++) part[c] += xs[c / mult] * ds[c];
        }
      }
      for (int c = 0; c < g.outC; c++) d[c] += part[c];
    }
  }
}
