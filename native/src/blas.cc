// The BLAS side of the GEMM: OpenBLAS (BP_OPENBLAS) or Accelerate (BP_ACCELERATE) when the build
// script found one, and the run-time choice between it and our own GEMM (BLOCKPROP_GEMM=own|blas,
// default blas when linked). OpenBLAS runs its own threads; we never call openblas_set_num_threads,
// so OPENBLAS_NUM_THREADS, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE act exactly as the environment
// sets them.
#include "kernels.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#if defined(BP_ACCELERATE)
#include <Accelerate/Accelerate.h>
#elif defined(BP_OPENBLAS)
// Declared here rather than from cblas.h: its location differs between distributions.
extern "C" {
void cblas_sgemm(int order, int transA, int transB, int M, int N, int K, float alpha, const float* A, int lda, const float* B, int ldb, float beta, float* C, int ldc);
char* openblas_get_config(void);
char* openblas_get_corename(void);
int openblas_get_num_threads(void);
}
#endif

namespace bp {
namespace {

constexpr bool kLinked =
#if defined(BP_OPENBLAS) || defined(BP_ACCELERATE)
    true;
#else
    false;
#endif

Gemm initial_gemm() {
  const char* env = std::getenv("BLOCKPROP_GEMM");
  if (env && std::strcmp(env, "own") == 0) return Gemm::own;
  return kLinked ? Gemm::blas : Gemm::own;
}

std::atomic<Gemm>& active() {
  static std::atomic<Gemm> g{initial_gemm()};
  return g;
}

}  // namespace

bool blas_linked() { return kLinked; }
Gemm gemm_active() { return active().load(); }
bool gemm_select(Gemm g) {
  if (g == Gemm::blas && !kLinked) return false;
  active().store(g);
  return true;
}

std::string blas_name() {
#if defined(BP_ACCELERATE)
  return "Accelerate";
#elif defined(BP_OPENBLAS)
  // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64" → "OpenBLAS 0.3.21 (SkylakeX)".
  std::string config = openblas_get_config();
  std::string name = "OpenBLAS";
  const size_t sp = config.find(' ');
  if (config.rfind("OpenBLAS ", 0) == 0 && sp != std::string::npos) {
    const size_t end = config.find(' ', sp + 1);
    name += " " + config.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1);
  }
  const char* core = openblas_get_corename();
  if (core && *core) name += std::string(" (") + core + ")";
  return name;
#else
  return "";
#endif
}

int blas_threads() {
#if defined(BP_OPENBLAS)
  return openblas_get_num_threads();
#elif defined(BP_ACCELERATE)
  return 0;  // Accelerate decides per call
#else
  return 0;
#endif
}

void sgemm_blas(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, bool accumulate) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    // BLAS rejects lda = 0; no products means C = 0 (or stays).
    if (!accumulate)
      for (int i = 0; i < M; ++i) std::memset(C + static_cast<long>(i) * ldc, 0, sizeof(float) * N);
    return;
  }
#if defined(BP_ACCELERATE)
  cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, M, N, K, 1.0f, A, static_cast<int>(lda), B, static_cast<int>(ldb), accumulate ? 1.0f : 0.0f, C, static_cast<int>(ldc));
#elif defined(BP_OPENBLAS)
  constexpr int RowMajor = 101, NoTrans = 111, Trans = 112;
  cblas_sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, M, N, K, 1.0f, A, static_cast<int>(lda), B, static_cast<int>(ldb), accumulate ? 1.0f : 0.0f, C, static_cast<int>(ldc));
#else
  Epilogue ep;
  ep.accumulate = accumulate;
  sgemm_own(transA, transB, M, N, K, A, lda, B, ldb, C, ldc, ep);
#endif
}

}  // namespace bp
