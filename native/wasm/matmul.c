// Matrix products (Dense layers, BatchMatMul) on the packed GEMM. With at least as many matrices
// as threads, each thread takes whole matrices; otherwise the longer of M and N is cut into
// blocks that threads claim from the job's counter, about four per thread, so a thread the OS runs
// late takes fewer. Every output element is summed in the same order whichever thread computes
// it, so results are bitwise the same for any thread count.
#include "kernels.h"

typedef struct {
  int batch, aBatch, bBatch, m, k, n, ta, tb;
  int byM, block; // cut M (else N) into blocks of `block`; block 0: whole matrices per thread
} Plan;

static Plan plan_of(const Job* j) {
  const int32_t* g = j->g;
  Plan p = {g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], 0, 0};
  if (p.batch >= j->threads) return p;
  p.byM = (p.m + MR - 1) / MR >= (p.n + NR - 1) / NR;
  int len = p.byM ? p.m : p.n, align = p.byM ? MR : NR, parts = 4 * j->threads;
  p.block = ((len + parts - 1) / parts + align - 1) / align * align;
  return p;
}

/** Per-thread floats: the GEMM buffers, plus all of B packed once when M is cut (B is shared). */
int matmul_floats(const Job* j) {
  Plan p = plan_of(j);
  return gemm_scratch_floats() + (p.block && p.byM ? pack_b_full_floats(p.k, p.n) : 0);
}

static void one(const Job* j, const Plan* p, int q, ASrc* a, BSrc* b, CDst* c) {
  const float *a0 = fptr(j->p[0]), *b0 = fptr(j->p[1]);
  ASrc as = {.pack = pack_a_matrix, .kmajor = p->ta, .a = a0 + (long)(p->aBatch == 1 ? 0 : q) * p->m * p->k, .lda = p->ta ? p->m : p->k, .trans = p->ta};
  BSrc bs = {b0 + (long)(p->bBatch == 1 ? 0 : q) * p->k * p->n, p->tb ? p->k : p->n, p->tb};
  CDst cs = {fptr(j->p[3]) + (long)q * p->m * p->n, p->n, 0, j->p[2] ? fptr(j->p[2]) : 0, j->act};
  *a = as, *b = bs, *c = cs;
}

void matmul(const Job* j, int tid) {
  Plan p = plan_of(j);
  float *sc = scratch_of(j, tid), *ap = sc, *bp = sc + MC * KC_MAX, *bpre = sc + gemm_scratch_floats();
  ASrc a;
  BSrc b;
  CDst c;
  if (!p.block) {
    int q0, q1;
    split(p.batch, j->threads, tid, 1, &q0, &q1);
    for (int q = q0; q < q1; q++) {
      one(j, &p, q, &a, &b, &c);
      gemm_range(&a, &b, &c, 0, p.m, 0, p.n, p.k, ap, bp, 0);
    }
    return;
  }
  // Block ids run over all matrices: id = q · blocks + block.
  int len = p.byM ? p.m : p.n, blocks = (len + p.block - 1) / p.block, packed = -1;
  int32_t* next = (int32_t*)&j->next;
  for (int id; (id = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED)) < p.batch * blocks;) {
    int q = id / blocks, lo = (id - q * blocks) * p.block, hi = imin(len, lo + p.block);
    one(j, &p, q, &a, &b, &c);
    if (p.byM) {
      int bq = p.bBatch == 1 ? 0 : q;
      if (bq != packed) pack_b_full(&b, p.k, 0, p.n, bpre), packed = bq;
      gemm_range(&a, &b, &c, lo, hi, 0, p.n, p.k, ap, bp, bpre);
    } else {
      gemm_range(&a, &b, &c, 0, p.m, lo, hi, p.k, ap, bp, 0);
    }
  }
}
