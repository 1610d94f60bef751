// Convolutions and matrix products as GEMMs whose A is packed straight from the activations
// (im2col a panel at a time, never a whole im2col buffer).
#include "kernels.h"

static float* ap_of(const Job* j, int tid, int extra) { return scratch_of(j, tid) + extra; }
static float* bp_of(const Job* j, int tid, int extra) { return scratch_of(j, tid) + extra + MC * KC_MAX; }

static int unit_stride(const Geo* g) { return g->sH == 1 && g->sW == 1; }

// Per-thread floats in front of the GEMM packing buffers (see scratch_bytes in jobs.c).
int conv_extra_floats(const Job* j) {
  Geo g = geo_of(j);
  int k = g.kH * g.kW * g.inC;
  switch (j->kind) {
    case K_CONV: return pack_b_full_floats(k, g.outC);
    case K_CONV_BWD_INPUT:
      return unit_stride(&g) ? k * g.outC + pack_b_full_floats(g.kH * g.kW * g.outC, g.inC) : pack_b_full_floats(g.outC, k) + MC * k;
    case K_CONV_BWD_FILTER: return FILTER_SLOTS * slot_floats(&g) + (filter_transposed(&g) ? filter_t_floats(&g) : 0);
    default: return 0;
  }
}

#define ROW_BLOCK 384 // output rows a thread claims at a time

// Rows [0, m) of a convolution's GEMM in blocks claimed from the job's counter rather than split
// up front: a thread the OS runs late (a busy machine) simply takes fewer blocks. A block is
// computed the same whichever thread takes it, so results are bitwise the same for any thread
// count. B (the small filter matrix) is packed once per thread into bpre.
static void conv_rows(const Job* j, int tid, const ASrc* a, const BSrc* b, const CDst* c, int m, int n, int k, float* bpre) {
  int extra = conv_extra_floats(j);
  pack_b_full(b, k, 0, n, bpre);
  int32_t* next = (int32_t*)&j->next;
  for (;;) {
    int lo = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED) * ROW_BLOCK;
    if (lo >= m) break;
    gemm_range(a, b, c, lo, imin(m, lo + ROW_BLOCK), 0, n, k, ap_of(j, tid, extra), bp_of(j, tid, extra), bpre);
  }
}

void conv_fwd(const Job* j, int tid) {
  Geo g = geo_of(j);
  int m = g.batch * g.outH * g.outW, k = g.kH * g.kW * g.inC;
  ASrc a = {.pack = pack_a_im2col, .direct = direct_im2col, .geo = &g, .x = fptr(j->p[0])};
  BSrc b = {fptr(j->p[1]), g.outC, 0};
  CDst c = {fptr(j->p[3]), g.outC, 0, j->p[2] ? fptr(j->p[2]) : 0, j->act};
  conv_rows(j, tid, &a, &b, &c, m, g.outC, k, scratch_of(j, tid));
}

// With unit strides, dx is itself a convolution: of dy, padded by (k−1)·d − pad, with the filter
// turned 180° and its in/out channels swapped. That is conv_fwd's GEMM (windows read in place, no
// col2im scatter), rows shared out between threads block by block.
static void conv_bwd_input_full(const Job* j, int tid) {
  Geo g = geo_of(j);
  Geo f = {g.batch, g.outH, g.outW, g.outC, g.inH, g.inW, g.inC, g.kH, g.kW, 1, 1, g.dH, g.dW,
           (g.kH - 1) * g.dH - g.padT, (g.kW - 1) * g.dW - g.padL};
  const float* w = fptr(j->p[1]);
  float* wt = scratch_of(j, tid);
  for (int kh = 0; kh < g.kH; kh++)
    for (int kw = 0; kw < g.kW; kw++) {
      const float* src = w + (long)((g.kH - 1 - kh) * g.kW + (g.kW - 1 - kw)) * g.inC * g.outC;
      float* dst = wt + (long)(kh * g.kW + kw) * g.outC * g.inC;
      for (int oc = 0; oc < g.outC; oc++)
        for (int ic = 0; ic < g.inC; ic++) dst[oc * g.inC + ic] = src[ic * g.outC + oc];
    }
  int m = f.batch * f.outH * f.outW, k = f.kH * f.kW * f.inC;
  ASrc a = {.pack = pack_a_im2col, .direct = direct_im2col, .geo = &f, .x = fptr(j->p[0])};
  BSrc b = {wt, f.outC, 0};
  CDst c = {fptr(j->p[3]), f.outC, 0, 0, 0};
  conv_rows(j, tid, &a, &b, &c, m, f.outC, k, wt + (long)k * f.outC);
}

/** Thread tid's images: all threads split the batch; with fewer images than threads, the extra threads idle. */
static void images_of(const Job* j, int tid, int batch, int* lo, int* hi) { split(batch, j->threads, tid, 1, lo, hi); }

// Otherwise dx = col2im(dy · Wᵀ), a chunk of MC output pixels at a time; threads own whole images, so the
// scatter-adds of one image never race and always run in the same order.
void conv_bwd_input(const Job* j, int tid) {
  Geo g = geo_of(j);
  if (unit_stride(&g)) {
    conv_bwd_input_full(j, tid);
    return;
  }
  int k = g.kH * g.kW * g.inC, hw = g.outH * g.outW, b0, b1;
  images_of(j, tid, g.batch, &b0, &b1);
  if (b1 <= b0) return;
  float* dx = fptr(j->p[3]);
  long img = (long)g.inH * g.inW * g.inC;
  for (long i = b0 * img; i < b1 * img; i++) dx[i] = 0.f;
  int extra = conv_extra_floats(j);
  float* bpre = scratch_of(j, tid);
  float* chunk = bpre + pack_b_full_floats(g.outC, k);
  BSrc b = {fptr(j->p[1]), g.outC, 1};
  pack_b_full(&b, g.outC, 0, k, bpre);
  ASrc a = {pack_a_matrix, 0, 0, fptr(j->p[0]), g.outC, 0, 0, 0};
  for (int r0 = b0 * hw; r0 < b1 * hw; r0 += MC) {
    int mc = imin(MC, b1 * hw - r0);
    CDst c = {chunk, k, r0, 0, 0};
    gemm_range(&a, &b, &c, r0, r0 + mc, 0, k, g.outC, ap_of(j, tid, extra), bp_of(j, tid, extra), bpre);
    for (int r = 0; r < mc; r++) {
      int row = r0 + r, bi = row / hw, rem = row - bi * hw, oh = rem / g.outW, ow = rem - oh * g.outW;
      const float* src = chunk + (long)r * k;
      for (int kh = 0; kh < g.kH; kh++) {
        int ih = oh * g.sH - g.padT + kh * g.dH;
        for (int kw = 0; kw < g.kW; kw++, src += g.inC) {
          int iw = ow * g.sW - g.padL + kw * g.dW;
          if (ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW) continue;
          float* d = dx + bi * img + ((long)ih * g.inW + iw) * g.inC;
          int q = 0;
          for (; q + 4 <= g.inC; q += 4)
            wasm_v128_store(d + q, wasm_f32x4_add(wasm_v128_load(d + q), wasm_v128_load(src + q)));
          for (; q < g.inC; q++) d[q] += src[q];
        }
      }
    }
  }
}

// Chunks of output pixels, claimed as threads get to them, each summed into its own slot (see
// FILTER_SLOTS); K_FILTER_REDUCE adds the slots in chunk order. filter.c computes a chunk without
// packing where it can, the packed GEMM below takes the rest.
void conv_bwd_filter(const Job* j, int tid) {
  Geo g = geo_of(j);
  int m = g.batch * g.outH * g.outW, k = g.kH * g.kW * g.inC, chunks = FILTER_SLOTS * j->threads, lo, hi;
  int extra = conv_extra_floats(j);
  float* work = scratch_of(j, tid) + FILTER_SLOTS * slot_floats(&g);
  int32_t* next = (int32_t*)&j->next;
  for (int s; (s = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED)) < chunks;) {
    split(m, chunks, s, 1, &lo, &hi);
    float* part = filter_slot(j, &g, s);
    if (hi <= lo) {
      for (int i = 0; i < k * g.outC; i++) part[i] = 0.f;
    } else if (filter_transposed(&g)) {
      conv_bwd_filter_t(j, &g, lo, hi, part, work);
    } else {
      ASrc a = {.pack = pack_a_im2col_t, .kmajor = 1, .lda = lo, .geo = &g, .x = fptr(j->p[0])};
      BSrc b = {fptr(j->p[1]) + (long)lo * g.outC, g.outC, 0};
      CDst c = {part, g.outC, 0, 0, 0};
      gemm_range(&a, &b, &c, 0, k, 0, g.outC, hi - lo, ap_of(j, tid, extra), bp_of(j, tid, extra), 0);
    }
  }
}
