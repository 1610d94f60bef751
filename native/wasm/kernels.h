// The SIMD128 wasm kernel tier (main/engine/kernels/simdTier.ts drives it). One module instance runs
// per thread over one shared memory; the calling thread writes a Job into that memory and every
// thread calls run(job, tid) on its share of the work: split up front, or (the GEMMs)
// claimed block by block from a counter in the job. Either way every sum runs in an order fixed by
// the job and the thread count. Nothing here allocates: tensors and per-thread scratch live in the
// JS-managed arena, and every size is computed from the job.
#ifndef BLOCKPROP_KERNELS_H
#define BLOCKPROP_KERNELS_H

#include <stdint.h>
#include <wasm_simd128.h>

// The job record, int32 fields; simdTier.ts writes it by these indices (keep them in step).
typedef struct {
  int32_t kind, threads, scratch, scratch_stride; // scratch: byte offset of thread 0's, stride in bytes
  int32_t p[4];                                   // byte offsets of the tensors (0 = none)
  int32_t act, n, n2, next;                      // next: the block counter of dynamically split kernels
  // Conv/pool: batch inH inW inC outH outW outC kH kW strideH strideW dilationH dilationW padTop padLeft
  // MatMul:    batch aBatch bBatch m k n transA transB
  int32_t g[16];
} Job;

enum {
  K_CONV = 1, K_CONV_BWD_INPUT, K_CONV_BWD_FILTER, K_UNUSED_4,
  K_DW, K_DW_BWD_INPUT, K_DW_BWD_FILTER, K_MATMUL,
  K_MAXPOOL, K_MAXPOOL_GRAD, K_AVGPOOL, K_AVGPOOL_GRAD, K_RELU_GRAD, K_SUM_ROWS, K_FILTER_REDUCE, K_SUM_ROWS_REDUCE
};

typedef struct {
  int batch, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, dH, dW, padT, padL;
} Geo;

static inline Geo geo_of(const Job* j) {
  const int32_t* g = j->g;
  Geo r = {g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13], g[14]};
  return r;
}

static inline int imin(int a, int b) { return a < b ? a : b; }
static inline int imax(int a, int b) { return a > b ? a : b; }

/** Thread t's share [lo, hi) of n items split into `parts` contiguous runs aligned to `align`. */
static inline void split(int n, int parts, int t, int align, int* lo, int* hi) {
  int units = (n + align - 1) / align;
  int per = (units + parts - 1) / parts;
  *lo = imin(n, t * per * align);
  *hi = imin(n, (t + 1) * per * align);
}

#define MR 4 // pack_a_im2col_t copies a panel row as one f32x4
#define NR 8
#define MC 96
#define NC 512
#define KC_MAX 640

// ---- GEMM (gemm.c) ----
// C[i][j] (i in [m0,m1), j in [n0,n1)) = act(Σ_k opA[i][k] · opB[k][j] + bias[j]).
struct ASrc;
typedef void (*PackA)(const struct ASrc* s, int i0, int mc, int p0, int kc, float* ap);
/** MR rows of A for the microkernel, each nseg runs of seglen floats, segstride floats apart. */
typedef struct { const float* r[MR]; int nseg, seglen, segstride; } ARows;
/** Points rows->r[i] at row `row` of A in place (and sets the run shape); 0 where it must be packed. */
typedef int (*DirectA)(const struct ASrc* s, int row, ARows* rows, int i);
typedef struct ASrc {
  PackA pack;
  DirectA direct;    // 0: always pack
  int kmajor;        // panels stored k-major ([k][MR]) instead of row-major ([MR][kc])
  const float* a;    // matrix source
  int lda, trans;
  const Geo* geo;    // im2col sources: rows = output pixels, cols = (kh, kw, ic)
  const float* x;
} ASrc;
typedef struct { const float* b; int ldb, trans; } BSrc;
typedef struct {
  float* c;
  int ldc, row0;       // row i of the product lands at c[(i - row0) * ldc + j]
  const float* bias;   // [n] or 0
  int relu;
} CDst;

int kc_for(int k);
void pack_b(const BSrc* s, int p0, int kc, int j0, int nc, float* bp);
/** Packs all of op(B)[0..k)[n0..n1) the way gemm_range reads a prepacked B. */
void pack_b_full(const BSrc* s, int k, int n0, int n1, float* bp);
int pack_b_full_floats(int k, int n);
/** bpre: 0, or B prepacked by pack_b_full over the same k and [n0, n1). */
void gemm_range(const ASrc* a, const BSrc* b, const CDst* c, int m0, int m1, int n0, int n1, int k,
                float* ap, float* bp, const float* bpre);
void pack_a_matrix(const ASrc* s, int i0, int mc, int p0, int kc, float* ap);
void pack_a_im2col(const ASrc* s, int i0, int mc, int p0, int kc, float* ap);
void pack_a_im2col_t(const ASrc* s, int i0, int mc, int p0, int kc, float* ap);
int direct_im2col(const ASrc* s, int row, ARows* rows, int i);
int gemm_scratch_floats(void);

// ---- kernels ----
void conv_fwd(const Job* j, int tid);
void conv_bwd_input(const Job* j, int tid);
void conv_bwd_filter(const Job* j, int tid);
int filter_transposed(const Geo* g);
int filter_t_floats(const Geo* g);
void conv_bwd_filter_t(const Job* j, const Geo* g, int lo, int hi, float* part, float* work);
void filter_reduce(const Job* j, int tid);
void matmul(const Job* j, int tid);
int matmul_floats(const Job* j);
void dw_fwd(const Job* j, int tid);
void dw_bwd_input(const Job* j, int tid);
void dw_bwd_filter(const Job* j, int tid);
void max_pool(const Job* j, int tid);
void max_pool_grad(const Job* j, int tid);
void avg_pool(const Job* j, int tid);
void avg_pool_grad(const Job* j, int tid);
void relu_grad(const Job* j, int tid);
void sum_rows(const Job* j, int tid);
void sum_rows_reduce(const Job* j, int tid);

static inline float* fptr(int32_t off) { return (float*)(uintptr_t)(uint32_t)off; }
static inline float* scratch_of(const Job* j, int tid) {
  return fptr(j->scratch + tid * j->scratch_stride);
}

// The filter gradient cuts the output pixels into FILTER_SLOTS·threads chunks that threads claim
// as they go; chunk s sums into slot s (FILTER_SLOTS of them at the start of each thread's
// scratch) and the reduce adds the slots in order: fixed for a given thread count.
#define FILTER_SLOTS 4
static inline int slot_floats(const Geo* g) { return (g->kH * g->kW * g->inC * g->outC + 15) & ~15; }
static inline float* filter_slot(const Job* j, const Geo* g, int s) {
  return scratch_of(j, s / FILTER_SLOTS) + (long)(s % FILTER_SLOTS) * slot_floats(g);
}

#endif
