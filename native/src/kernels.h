// Blockprop's native kernels: shared declarations of the thread pool, the GEMM (OpenBLAS /
// Accelerate when linked, our own blocked SGEMM otherwise or on request) and the layer kernels.
// Layouts follow tfjs: NHWC activations, HWIO filters, row-major matrices (see
// main/engine/kernels/tier.ts, the contract these implement).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace bp {

// ---- threads (threads.cc) ----
// A persistent pool: run(fn) calls fn(t, T) once on each of the T threads (the caller is t = 0) and
// returns when all are done. Work is split statically by the callers, so results never depend on
// scheduling. One job at a time: concurrent callers (several worker_threads) queue on a mutex.
int pool_threads();
void pool_run(const std::function<void(int, int)>& fn);
// [begin, end) of part t of n items split into T nearly equal contiguous parts.
inline void split_range(long n, int t, int T, long& begin, long& end) {
  const long q = n / T, r = n % T;
  begin = t * q + (t < r ? t : r);
  end = begin + q + (t < r ? 1 : 0);
}

// ---- GEMM (gemm.cc, blas.cc) ----
enum class Gemm { own, blas };
bool blas_linked();
Gemm gemm_active();
bool gemm_select(Gemm g);  // false when asking for BLAS without one linked
std::string blas_name();   // "OpenBLAS 0.3.21 (SkylakeX)", "Accelerate", "" when none
int blas_threads();        // the BLAS library's own thread count (0 when none)

// What to do with C after the product: C = A·B (+ C if accumulate), then + bias[n], then ReLU.
struct Epilogue {
  bool accumulate = false;
  const float* bias = nullptr;
  bool relu = false;
};

// B packed for our microkernel (all of K × N), shareable read-only between threads.
struct PackedB {
  int K = 0, N = 0;
  bool wide = false;  // which microkernel shape it was packed for (gemm.cc)
  float* data = nullptr;
  size_t capacity = 0;  // floats allocated
  PackedB() = default;
  PackedB(const PackedB&) = delete;
  PackedB& operator=(const PackedB&) = delete;
  ~PackedB();
};
// op(B) is K × N: B stored [K][N] (ldb) or, transposed, [N][K].
void pack_b(PackedB& pb, const float* B, long ldb, bool transB, int K, int N);         // on the pool
void pack_b_serial(PackedB& pb, const float* B, long ldb, bool transB, int K, int N);  // this thread only
// Single-threaded: C[M × N] (ldc) = op(A)[M × K] · packed B, with the epilogue.
// op(A): A stored [M][K] (lda) or, transposed, [K][M].
void gemm_packed(int M, const float* A, long lda, bool transA, const PackedB& pb, float* C, long ldc, const Epilogue& ep);
// Our own GEMM, threaded over our pool (static split of M or N).
void sgemm_own(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, const Epilogue& ep);
// The active GEMM (BLAS with its own threads, or ours on our pool), epilogue included.
void sgemm(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, const Epilogue& ep);
// Only BLAS, single call (callers check blas_linked()); epilogue applied by us afterwards.
void sgemm_blas(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, bool accumulate);
// bias + ReLU over rows [r0, r1) of C (the BLAS path's epilogue).
void apply_epilogue(float* C, long ldc, long r0, long r1, int N, const float* bias, bool relu);

// ---- layers ----
struct Conv {
  int batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilationH, dilationW, padTop, padLeft;
};
void conv2d(const Conv& g, const float* x, const float* w, const float* bias, bool relu, float* out);
void conv2d_backprop_input(const Conv& g, const float* dy, const float* w, float* dx);
void conv2d_backprop_filter(const Conv& g, const float* x, const float* dy, float* dw);
void depthwise(const Conv& g, const float* x, const float* w, const float* bias, bool relu, float* out);
void depthwise_backprop_input(const Conv& g, const float* dy, const float* w, float* dx);
void depthwise_backprop_filter(const Conv& g, const float* x, const float* dy, float* dw);
void max_pool(const Conv& g, const float* x, float* out);
void max_pool_grad(const Conv& g, const float* x, const float* dy, float* dx);
void avg_pool(const Conv& g, const float* x, float* out);
void avg_pool_grad(const Conv& g, const float* dy, float* dx);
void relu_grad(const float* dy, const float* y, float* out, long n);
void sum_rows(const float* x, long rows, long cols, float* out);
struct MatMul {
  int batch, aBatch, bBatch, m, k, n;
  bool transA, transB;
};
void mat_mul(const MatMul& g, const float* a, const float* b, const float* bias, bool relu, float* out);

}  // namespace bp
