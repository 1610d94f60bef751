// Packed GEMM with a 4×8 register-blocked microkernel: 8 f32x4 accumulators, one B row of two
// vectors, a broadcast A value and the product fit in V8's x64 registers (it keeps xmm15 as
// scratch). Measured in V8 on SIMD128, 4×8 runs ~42 GFLOP/s per core where 6×8 (which spills)
// runs 28. There is no FMA without relaxed SIMD, which Node 20 rejects, so each step is mul + add.
#include "kernels.h"

int kc_for(int k) {
  if (k <= KC_MAX) return k;
  int blocks = (k + 255) / 256;
  return (k + blocks - 1) / blocks;
}

int gemm_scratch_floats(void) { return MC * KC_MAX + KC_MAX * NC; }

#include "micro.h"

// A rows, each read as nseg runs of seglen floats segstride apart: one run of kc floats for a packed
// row-major panel, or a convolution window read straight from x (kH runs of kW·inC).
static void micro_rows(const ARows* A, const float* restrict b, float* restrict c, int ldc, int acc,
                       const float* bias, int relu) {
  ROW(0) ROW(1) ROW(2) ROW(3)
  for (int s = 0; s < A->nseg; s++) {
    int off = s * A->segstride;
    const float *a0 = A->r[0] + off, *a1 = A->r[1] + off, *a2 = A->r[2] + off, *a3 = A->r[3] + off;
    for (int k = 0; k < A->seglen; k++) {
      v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
      b += NR;
      STEP(0, a0 + k) STEP(1, a1 + k) STEP(2, a2 + k) STEP(3, a3 + k)
    }
  }
  EPILOGUE
}

// A panel k-major: the MR values of step k at a + k*MR.
static void micro_kmajor(int kc, const float* restrict a, const float* restrict b, float* restrict c, int ldc,
                         int acc, const float* bias, int relu) {
  ROW(0) ROW(1) ROW(2) ROW(3)
  for (int k = 0; k < kc; k++) {
    v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    b += NR;
    STEP(0, a) STEP(1, a + 1) STEP(2, a + 2) STEP(3, a + 3)
    a += MR;
  }
  EPILOGUE
}

// One MR×NR tile; ragged edges go through a zero-padded local tile. rows: 0 for a k-major panel.
static void tile(const ARows* rows, int kc, const float* a, const float* b, float* c, int ldc, int mr, int nr,
                 int acc, const float* bias, int relu) {
  if (mr == MR && nr == NR) {
    if (rows) micro_rows(rows, b, c, ldc, acc, bias, relu);
    else micro_kmajor(kc, a, b, c, ldc, acc, bias, relu);
    return;
  }
  float t[MR * NR], tb[NR];
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NR; j++) t[i * NR + j] = (acc && i < mr && j < nr) ? c[i * ldc + j] : 0.f;
  if (bias)
    for (int j = 0; j < NR; j++) tb[j] = j < nr ? bias[j] : 0.f;
  if (rows) micro_rows(rows, b, t, NR, acc, bias ? tb : 0, relu);
  else micro_kmajor(kc, a, b, t, NR, acc, bias ? tb : 0, relu);
  for (int i = 0; i < mr; i++)
    for (int j = 0; j < nr; j++) c[i * ldc + j] = t[i * NR + j];
}

// B panels: NR columns each, k-major ([kc][NR]), zero beyond the last column.
void pack_b(const BSrc* s, int p0, int kc, int j0, int nc, float* bp) {
  for (int jp = 0; jp < nc; jp += NR) {
    float* pp = bp + (jp / NR) * kc * NR;
    int nr = imin(NR, nc - jp), col = j0 + jp;
    if (!s->trans && nr == NR) {
      const float* src = s->b + (long)p0 * s->ldb + col;
      for (int k = 0; k < kc; k++, src += s->ldb, pp += NR) {
        wasm_v128_store(pp, wasm_v128_load(src));
        wasm_v128_store(pp + 4, wasm_v128_load(src + 4));
      }
    } else if (!s->trans) {
      for (int k = 0; k < kc; k++, pp += NR)
        for (int j = 0; j < NR; j++) pp[j] = j < nr ? s->b[(long)(p0 + k) * s->ldb + col + j] : 0.f;
    } else {
      for (int j = 0; j < NR; j++) {
        const float* src = s->b + (long)(col + j) * s->ldb + p0;
        for (int k = 0; k < kc; k++) pp[k * NR + j] = j < nr ? src[k] : 0.f;
      }
    }
  }
}

static int round_up(int v, int a) { return (v + a - 1) / a * a; }

int pack_b_full_floats(int k, int n) { return k * round_up(n, NR); }

void pack_b_full(const BSrc* s, int k, int n0, int n1, float* bp) {
  int kc = kc_for(k), npad = round_up(n1 - n0, NR);
  for (int p0 = 0; p0 < k; p0 += kc) pack_b(s, p0, imin(kc, k - p0), n0, n1 - n0, bp + (long)p0 * npad);
}

void gemm_range(const ASrc* a, const BSrc* b, const CDst* c, int m0, int m1, int n0, int n1, int k,
                float* ap, float* bp, const float* bpre) {
  if (m1 <= m0 || n1 <= n0) return;
  if (k == 0) {
    for (int i = m0; i < m1; i++)
      for (int j = n0; j < n1; j++) {
        float v = c->bias ? c->bias[j] : 0.f;
        c->c[(i - c->row0) * c->ldc + j] = c->relu && v < 0.f ? 0.f : v;
      }
    return;
  }
  int kcb = kc_for(k), npad = round_up(n1 - n0, NR);
  for (int p0 = 0; p0 < k; p0 += kcb) {
    int kc = imin(kcb, k - p0), first = p0 == 0, last = p0 + kc >= k;
    for (int j0 = n0; j0 < n1; j0 += NC) {
      int nc = imin(NC, n1 - j0);
      const float* bpk;
      if (bpre) bpk = bpre + (long)p0 * npad + ((j0 - n0) / NR) * kc * NR;
      else {
        pack_b(b, p0, kc, j0, nc, bp);
        bpk = bp;
      }
      for (int i0 = m0; i0 < m1; i0 += MC) {
        int mc = imin(MC, m1 - i0), panels = (mc + MR - 1) / MR;
        ARows rows[MC / MR];
        if (!a->kmajor) {
          for (int q = 0; q < panels; q++) {
            ARows* r = &rows[q];
            // Whole windows read in place need no packing (single K block only).
            int direct = a->direct && kc == k && mc - q * MR >= MR;
            for (int i = 0; direct && i < MR; i++) direct = a->direct(a, i0 + q * MR + i, r, i);
            if (!direct) {
              float* pp = ap + q * kc * MR;
              a->pack(a, i0 + q * MR, imin(MR, mc - q * MR), p0, kc, pp);
              for (int i = 0; i < MR; i++) r->r[i] = pp + i * kc;
              r->nseg = 1, r->seglen = kc, r->segstride = 0;
            }
          }
        } else {
          a->pack(a, i0, mc, p0, kc, ap);
        }
        for (int jr = 0; jr < nc; jr += NR) {
          const float* bpp = bpk + (jr / NR) * kc * NR;
          const float* bias = last && c->bias ? c->bias + j0 + jr : 0;
          for (int ir = 0; ir < mc; ir += MR) {
            float* cp = c->c + (long)(i0 + ir - c->row0) * c->ldc + j0 + jr;
            tile(a->kmajor ? 0 : &rows[ir / MR], kc, ap + (ir / MR) * kc * MR, bpp, cp, c->ldc, imin(MR, mc - ir),
                 imin(NR, nc - jr), !first, bias, last && c->relu);
          }
        }
      }
    }
  }
}

// Plain matrices: op(A) = A ([m][k], row-major panels) or Aᵀ (A stored [k][m], k-major panels).
void pack_a_matrix(const ASrc* s, int i0, int mc, int p0, int kc, float* ap) {
  for (int ip = 0; ip < mc; ip += MR) {
    float* pp = ap + (ip / MR) * kc * MR;
    int mr = imin(MR, mc - ip);
    if (!s->trans) {
      for (int r = 0; r < MR; r++) {
        float* dst = pp + r * kc;
        if (r >= mr) {
          for (int k = 0; k < kc; k++) dst[k] = 0.f;
          continue;
        }
        const float* src = s->a + (long)(i0 + ip + r) * s->lda + p0;
        int k = 0;
        for (; k + 4 <= kc; k += 4) wasm_v128_store(dst + k, wasm_v128_load(src + k));
        for (; k < kc; k++) dst[k] = src[k];
      }
    } else {
      for (int k = 0; k < kc; k++) {
        const float* src = s->a + (long)(p0 + k) * s->lda + i0 + ip;
        for (int r = 0; r < MR; r++) pp[k * MR + r] = r < mr ? src[r] : 0.f;
      }
    }
  }
}

// Copies the im2col values of output pixel `row`, columns [p0, p0 + kc) in (kh, kw, ic) order, to
// dst[0], dst[step], dst[2·step]… (zeros where the window hangs over the padding). With no
// horizontal dilation and the window inside the row, a kernel row's (kw, ic) span is one
// contiguous run of kW·inC floats in x (a 3×3 conv on one channel copies runs of 3, not 1).
static void patch(const Geo* g, const float* x, int row, int p0, int kc, float* dst, int step) {
  int hw = g->outH * g->outW, b = row / hw, rem = row - b * hw, oh = rem / g->outW, ow = rem - oh * g->outW;
  int ih0 = oh * g->sH - g->padT, iw0 = ow * g->sW - g->padL;
  int span = g->kW * g->inC, kh = p0 / span, t = p0 - kh * span;
  int flat = g->dW == 1 && iw0 >= 0 && iw0 + g->kW <= g->inW;
  const float* xb = x + (long)b * g->inH * g->inW * g->inC;
  for (int k = 0; k < kc;) {
    int ih = ih0 + kh * g->dH;
    int kw = t / g->inC, ic = t - kw * g->inC;
    int run = flat ? span - t : g->inC - ic;
    if (run > kc - k) run = kc - k;
    int iw = iw0 + kw * g->dW;
    float* d = dst + (long)k * step;
    if (ih >= 0 && ih < g->inH && iw >= 0 && iw < g->inW) {
      const float* src = xb + ((long)ih * g->inW + iw) * g->inC + ic;
      if (step == 1) {
        int q = 0;
        for (; q + 4 <= run; q += 4) wasm_v128_store(d + q, wasm_v128_load(src + q));
        for (; q < run; q++) d[q] = src[q];
      } else {
        for (int q = 0; q < run; q++) d[q * step] = src[q];
      }
    } else {
      for (int q = 0; q < run; q++) d[q * step] = 0.f;
    }
    k += run;
    t += run;
    if (t == span) {
      t = 0;
      kh++;
    }
  }
}

// Conv forward's direct rows: a window wholly inside the input, without horizontal dilation, is
// kH runs of kW·inC floats in x itself (row i of `rows`; 0 where it would touch padding).
int direct_im2col(const ASrc* s, int row, ARows* rows, int i) {
  const Geo* g = s->geo;
  int hw = g->outH * g->outW, b = row / hw, rem = row - b * hw, oh = rem / g->outW, ow = rem - oh * g->outW;
  int ih0 = oh * g->sH - g->padT, iw0 = ow * g->sW - g->padL;
  if (g->dW != 1 || iw0 < 0 || iw0 + g->kW > g->inW || ih0 < 0 || ih0 + (g->kH - 1) * g->dH >= g->inH) return 0;
  rows->r[i] = s->x + (((long)b * g->inH + ih0) * g->inW + iw0) * g->inC;
  rows->nseg = g->kH, rows->seglen = g->kW * g->inC, rows->segstride = g->dH * g->inW * g->inC;
  return 1;
}

// Conv forward's A: rows are output pixels, row-major panels, each row its receptive field.
void pack_a_im2col(const ASrc* s, int i0, int mc, int p0, int kc, float* ap) {
  for (int ip = 0; ip < mc; ip += MR) {
    float* pp = ap + (ip / MR) * kc * MR;
    for (int r = 0; r < MR; r++) {
      if (ip + r < mc) patch(s->geo, s->x, i0 + ip + r, p0, kc, pp + r * kc, 1);
      else
        for (int k = 0; k < kc; k++) pp[r * kc + k] = 0.f;
    }
  }
}

// The filter gradient's A = im2colᵀ: rows are (kh, kw, ic), the k dimension runs over output
// pixels (offset by the thread's first pixel, in s->lda). Packed k-major, so each pixel's
// receptive field is written once per panel row group.
void pack_a_im2col_t(const ASrc* s, int i0, int mc, int p0, int kc, float* ap) {
  float row[MC + MR];
  int full = mc / MR;
  for (int r = mc; r < mc + MR; r++) row[r] = 0.f;
  for (int k = 0; k < kc; k++) {
    patch(s->geo, s->x, s->lda + p0 + k, i0, mc, row, 1);
    float* pp = ap + k * MR;
    int q = 0;
    for (; q < full; q++, pp += kc * MR) wasm_v128_store(pp, wasm_v128_load(row + q * MR));
    if (q * MR < mc) wasm_v128_store(pp, wasm_v128_load(row + q * MR)); // zero-padded by row[mc..]
  }
}
