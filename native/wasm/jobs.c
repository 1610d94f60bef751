// The module's two exports besides memory bookkeeping: run (a thread's share of one job) and
// scratch_bytes (how much per-thread scratch that job needs, asked before it is dispatched).
#include "kernels.h"

int conv_extra_floats(const Job* j);

__attribute__((export_name("run"))) void run(Job* j, int tid) {
  switch (j->kind) {
    case K_CONV: conv_fwd(j, tid); break;
    case K_CONV_BWD_INPUT: conv_bwd_input(j, tid); break;
    case K_CONV_BWD_FILTER: conv_bwd_filter(j, tid); break;
    case K_DW: dw_fwd(j, tid); break;
    case K_DW_BWD_INPUT: dw_bwd_input(j, tid); break;
    case K_DW_BWD_FILTER: dw_bwd_filter(j, tid); break;
    case K_MATMUL: matmul(j, tid); break;
    case K_MAXPOOL: max_pool(j, tid); break;
    case K_MAXPOOL_GRAD: max_pool_grad(j, tid); break;
    case K_AVGPOOL: avg_pool(j, tid); break;
    case K_AVGPOOL_GRAD: avg_pool_grad(j, tid); break;
    case K_RELU_GRAD: relu_grad(j, tid); break;
    case K_SUM_ROWS: sum_rows(j, tid); break;
    case K_FILTER_REDUCE: filter_reduce(j, tid); break;
    case K_SUM_ROWS_REDUCE: sum_rows_reduce(j, tid); break;
    default: __builtin_trap();
  }
}

__attribute__((export_name("scratch_bytes"))) int scratch_bytes(const Job* j) {
  int floats = 0;
  switch (j->kind) {
    case K_CONV:
    case K_CONV_BWD_INPUT:
    case K_CONV_BWD_FILTER: floats = conv_extra_floats(j) + gemm_scratch_floats(); break;
    case K_MATMUL: floats = matmul_floats(j); break;
    case K_DW_BWD_FILTER: floats = j->g[6]; break;
    case K_SUM_ROWS: floats = 2 * j->n2; break;
    default: floats = 0;
  }
  // Rounded to 64 bytes so neighbouring threads' scratch never shares a cache line.
  return (floats * 4 + 63) & ~63;
}
