// Our own SGEMM, used when no BLAS is linked (a plain `npm install` on a machine without
// OpenBLAS) or when BLOCKPROP_GEMM=own asks for it. GotoBLAS-style: op(B) is packed into
// NR-column panels (shared read-only by all threads), op(A) into MR-row panels per thread, and a
// register-blocked MR × NR microkernel written with GCC/Clang vector extensions compiles to
// AVX-512, AVX2 or NEON FMAs for the CPU it is built on. The epilogue (accumulate, bias, ReLU) is
// applied while the tile is still in registers.
#include "kernels.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace bp {
namespace {

#if defined(__AVX512F__)
constexpr int VW = 16;
#elif defined(__AVX2__) || defined(__AVX__)
constexpr int VW = 8;
#else
constexpr int VW = 4;  // NEON, or plain SSE / scalar code from the same vector extensions
#endif
constexpr int KC_MAX = 384;          // a kc × NR panel of B stays in L1/L2
constexpr int A_BLOCK = 128 * 1024;  // floats of packed A per block (512 KB: stays in L2)
constexpr int MR_MAX = 12;

typedef float vf __attribute__((vector_size(VW * 4)));
typedef float vfu __attribute__((vector_size(VW * 4), aligned(4)));  // unaligned loads/stores

inline vf load(const float* p) { return *reinterpret_cast<const vfu*>(p); }
inline void store(float* p, vf v) { *reinterpret_cast<vfu*>(p) = v; }

int k_blocks(int K) { return K <= 0 ? 0 : (K + KC_MAX - 1) / KC_MAX; }
int k_size(int K) {
  const int nk = k_blocks(K);
  return nk == 0 ? 0 : (K + nk - 1) / nk;
}

float* scratch_a() {
  thread_local std::vector<float> buf(static_cast<size_t>(A_BLOCK) + static_cast<size_t>(MR_MAX) * KC_MAX + 64);
  return buf.data();
}

// One register-blocked kernel shape: MR rows × NV vectors of columns.
template <int MR, int NV>
struct Kern {
  static constexpr int NR = VW * NV, MR_ROWS = MR;
  static int panels(int N) { return (N + NR - 1) / NR; }

  // C tile (mr × nr at C, ldc) from the accumulators, with the epilogue.
  static inline void finish(vf (&acc)[MR][NV], float* C, long ldc, int mr, int nr, bool add_c, const float* bias, bool relu) {
    if (mr == MR && nr == NR) {
#pragma GCC unroll 16
      for (int i = 0; i < MR; ++i) {
#pragma GCC unroll 4
        for (int j = 0; j < NV; ++j) {
          vf v = acc[i][j];
          if (add_c) v += load(C + i * ldc + j * VW);
          if (bias) v += load(bias + j * VW);
          if (relu) v = v > 0 ? v : vf{};
          store(C + i * ldc + j * VW, v);
        }
      }
      return;
    }
    alignas(64) float tile[MR][NR];
    for (int i = 0; i < MR; ++i)
      for (int j = 0; j < NV; ++j) store(&tile[i][j * VW], acc[i][j]);
    for (int i = 0; i < mr; ++i) {
      float* c = C + i * ldc;
      for (int j = 0; j < nr; ++j) {
        float v = tile[i][j];
        if (add_c) v += c[j];
        if (bias) v += bias[j];
        if (relu) v = v > 0 ? v : 0.0f;
        c[j] = v;
      }
    }
  }

  // The microkernel: acc = Ap (kc × MR, k-major) · Bp (kc × NR, k-major).
  static inline void micro(int kc, const float* __restrict Ap, const float* __restrict Bp, float* C, long ldc, int mr, int nr, bool add_c, const float* bias, bool relu) {
    vf acc[MR][NV];
#pragma GCC unroll 16
    for (int i = 0; i < MR; ++i)
#pragma GCC unroll 4
      for (int j = 0; j < NV; ++j) acc[i][j] = vf{};
    for (int k = 0; k < kc; ++k) {
      vf b[NV];
#pragma GCC unroll 4
      for (int j = 0; j < NV; ++j) b[j] = load(Bp + j * VW);
#pragma GCC unroll 16
      for (int i = 0; i < MR; ++i) {
        const vf a = vf{} + Ap[i];
#pragma GCC unroll 4
        for (int j = 0; j < NV; ++j) acc[i][j] += a * b[j];
      }
      Ap += MR;
      Bp += NR;
    }
    finish(acc, C, ldc, mr, nr, add_c, bias, relu);
  }

  // op(A) rows [i0, i0+mc) × cols [k0, k0+kc) into MR-row panels (zero rows past mc).
  static void pack_a(const float* A, long lda, bool transA, int i0, int mc, int k0, int kc, float* dst) {
    for (int ip = 0; ip < mc; ip += MR) {
      const int mr = std::min(MR, mc - ip);
      float* d = dst + static_cast<long>(ip) * kc;
      if (transA) {
        // A stored [K][M]: each k gives MR consecutive floats.
        for (int k = 0; k < kc; ++k) {
          const float* s = A + static_cast<long>(k0 + k) * lda + i0 + ip;
          int i = 0;
          for (; i < mr; ++i) d[k * MR + i] = s[i];
          for (; i < MR; ++i) d[k * MR + i] = 0.0f;
        }
      } else {
        for (int i = 0; i < mr; ++i) {
          const float* s = A + static_cast<long>(i0 + ip + i) * lda + k0;
          for (int k = 0; k < kc; ++k) d[k * MR + i] = s[k];
        }
        for (int i = mr; i < MR; ++i)
          for (int k = 0; k < kc; ++k) d[k * MR + i] = 0.0f;
      }
    }
  }

  // Panel jp of k-block (k0, kc) of op(B) into dst (kc × NR, zero columns past N).
  static void pack_b_panel(const float* B, long ldb, bool transB, int N, int k0, int kc, int jp, float* dst) {
    const int n0 = jp * NR, nr = std::min(NR, N - n0);
    if (!transB) {
      for (int k = 0; k < kc; ++k) {
        const float* s = B + static_cast<long>(k0 + k) * ldb + n0;
        int j = 0;
        for (; j < nr; ++j) dst[k * NR + j] = s[j];
        for (; j < NR; ++j) dst[k * NR + j] = 0.0f;
      }
    } else {
      for (int j = 0; j < nr; ++j) {
        const float* s = B + static_cast<long>(n0 + j) * ldb + k0;
        for (int k = 0; k < kc; ++k) dst[k * NR + j] = s[k];
      }
      for (int j = nr; j < NR; ++j)
        for (int k = 0; k < kc; ++k) dst[k * NR + j] = 0.0f;
    }
  }

  // Part t of T of the (k-block, panel) pairs.
  static void pack_b_part(PackedB& pb, const float* B, long ldb, bool transB, int t, int T) {
    const int nk = k_blocks(pb.K), kcs = k_size(pb.K), np = panels(pb.N);
    long begin, end;
    split_range(static_cast<long>(nk) * np, t, T, begin, end);
    for (long q = begin; q < end; ++q) {
      const int kb = static_cast<int>(q / np), jp = static_cast<int>(q % np);
      const int k0 = kb * kcs, kc = std::min(kcs, pb.K - k0);
      pack_b_panel(B, ldb, transB, pb.N, k0, kc, jp, pb.data + static_cast<long>(k0) * np * NR + static_cast<long>(jp) * kc * NR);
    }
  }

  static void gemm(int M, const float* A, long lda, bool transA, const PackedB& pb, float* C, long ldc, const Epilogue& ep) {
    const int K = pb.K, N = pb.N;
    const int nk = k_blocks(K), kcs = k_size(K), np = panels(N);
    float* Ap = scratch_a();
    // Equal row blocks as large as L2 allows: every block streams all of packed B once more, and a
    // nearly empty last block (200 rows as 192 + 8) would cost that for little work.
    const int MC = std::max(MR, A_BLOCK / std::max(1, kcs) / MR * MR);
    const int mblocks = (M + MC - 1) / MC;
    const int mcs = std::min(MC, ((M + mblocks - 1) / mblocks + MR - 1) / MR * MR);
    for (int ic = 0; ic < M; ic += mcs) {
      const int mc = std::min(mcs, M - ic);
      for (int kb = 0; kb < nk; ++kb) {
        const int k0 = kb * kcs, kc = std::min(kcs, K - k0);
        const bool add_c = kb > 0 || ep.accumulate, last = kb == nk - 1;
        pack_a(A, lda, transA, ic, mc, k0, kc, Ap);
        for (int jp = 0; jp < np; ++jp) {
          const float* Bp = pb.data + static_cast<long>(k0) * np * NR + static_cast<long>(jp) * kc * NR;
          const int nr = std::min(NR, N - jp * NR);
          const float* bias = last && ep.bias ? ep.bias + jp * NR : nullptr;
          for (int ip = 0; ip < mc; ip += MR) {
            micro(kc, Ap + static_cast<long>(ip) * kc, Bp, C + static_cast<long>(ic + ip) * ldc + jp * NR, ldc, std::min(MR, mc - ip), nr, add_c, bias, last && ep.relu);
          }
        }
      }
    }
  }
};

// Two shapes where the registers allow: 6 × 64 (24 zmm accumulators) measured 5-15 % faster than
// 12 × 32 on the CNN's 64- and 128-column products, but wastes half of it on 32 columns.
#if defined(__AVX512F__)
using Wide = Kern<6, 4>;
using Narrow = Kern<12, 2>;
#elif defined(__AVX2__) || defined(__AVX__)
using Wide = Kern<6, 2>;  // 12 ymm accumulators
using Narrow = Wide;
#elif defined(__ARM_NEON) || defined(__aarch64__)
using Wide = Kern<8, 3>;  // 24 q accumulators
using Narrow = Wide;
#else
using Wide = Kern<4, 2>;
using Narrow = Wide;
#endif

bool wide_for(int N) { return N > Narrow::NR; }

}  // namespace

PackedB::~PackedB() { std::free(data); }

static void pack_b_alloc(PackedB& pb, int K, int N) {
  pb.wide = wide_for(N);
  const size_t size = static_cast<size_t>(K) * (pb.wide ? Wide::panels(N) * Wide::NR : Narrow::panels(N) * Narrow::NR);
  pb.K = K;
  pb.N = N;
  if (pb.data && size <= pb.capacity) return;  // reused chunk after chunk
  std::free(pb.data);
  pb.capacity = size;
  pb.data = static_cast<float*>(std::aligned_alloc(64, ((size * 4 + 63) / 64) * 64 + 64));
}

static void pack_b_part(PackedB& pb, const float* B, long ldb, bool transB, int t, int T) {
  if (pb.wide) Wide::pack_b_part(pb, B, ldb, transB, t, T);
  else Narrow::pack_b_part(pb, B, ldb, transB, t, T);
}

void pack_b(PackedB& pb, const float* B, long ldb, bool transB, int K, int N) {
  pack_b_alloc(pb, K, N);
  pool_run([&](int t, int T) { pack_b_part(pb, B, ldb, transB, t, T); });
}

void pack_b_serial(PackedB& pb, const float* B, long ldb, bool transB, int K, int N) {
  pack_b_alloc(pb, K, N);
  pack_b_part(pb, B, ldb, transB, 0, 1);
}

void gemm_packed(int M, const float* A, long lda, bool transA, const PackedB& pb, float* C, long ldc, const Epilogue& ep) {
  const int K = pb.K, N = pb.N;
  if (M <= 0 || N <= 0) return;
  if (K == 0) {
    // No products: C = (C if accumulating) + bias, then ReLU.
    for (int i = 0; i < M; ++i)
      for (int j = 0; j < N; ++j) {
        float v = (ep.accumulate ? C[i * ldc + j] : 0.0f) + (ep.bias ? ep.bias[j] : 0.0f);
        C[i * ldc + j] = ep.relu && !(v > 0) ? 0.0f : v;
      }
    return;
  }
  if (pb.wide) Wide::gemm(M, A, lda, transA, pb, C, ldc, ep);
  else Narrow::gemm(M, A, lda, transA, pb, C, ldc, ep);
}

void sgemm_own(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, const Epilogue& ep) {
  if (M <= 0 || N <= 0) return;
  const int T = pool_threads();
  if (static_cast<double>(M) * N * K < 2.0e6) {
    // Small: waking the pool costs more than the product.
    PackedB pb;
    pack_b_serial(pb, B, ldb, transB, K, N);
    gemm_packed(M, A, lda, transA, pb, C, ldc, ep);
    return;
  }
  const int MR = wide_for(N) ? Wide::MR_ROWS : Narrow::MR_ROWS, NR = wide_for(N) ? Wide::NR : Narrow::NR;
  if (T == 1 || M >= T * MR * 4 || N < T * NR * 2) {
    // Split the rows: B packed once (in parallel), each thread a contiguous run of MR-aligned rows.
    PackedB pb;
    pack_b(pb, B, ldb, transB, K, N);
    const long blocks = (M + MR - 1) / MR;
    pool_run([&](int t, int TT) {
      long b0, b1;
      split_range(blocks, t, TT, b0, b1);
      const long r0 = b0 * MR, r1 = std::min<long>(M, b1 * MR);
      if (r1 <= r0) return;
      const float* a = transA ? A + r0 : A + r0 * lda;
      gemm_packed(static_cast<int>(r1 - r0), a, lda, transA, pb, C + r0 * ldc, ldc, ep);
    });
    return;
  }
  // Few rows, many columns (e.g. a dense layer's input gradient): each thread packs and computes
  // its own NR-aligned run of columns (with the kernel shape for the full width, so every
  // thread's slice but the last is a whole number of panels).
  const long blocks = (N + NR - 1) / NR;
  pool_run([&](int t, int TT) {
    long b0, b1;
    split_range(blocks, t, TT, b0, b1);
    const long n0 = b0 * NR, n1 = std::min<long>(N, b1 * NR);
    if (n1 <= n0) return;
    PackedB pb;
    pack_b_alloc(pb, K, static_cast<int>(n1 - n0));
    pack_b_part(pb, transB ? B + n0 * ldb : B + n0, ldb, transB, 0, 1);
    Epilogue e = ep;
    if (e.bias) e.bias += n0;
    gemm_packed(M, A, lda, transA, pb, C + n0, ldc, e);
  });
}

void apply_epilogue(float* C, long ldc, long r0, long r1, int N, const float* bias, bool relu) {
  if (!bias && !relu) return;
  for (long i = r0; i < r1; ++i) {
    float* c = C + i * ldc;
    if (bias)
      for (int j = 0; j < N; ++j) c[j] += bias[j];
    if (relu)
      for (int j = 0; j < N; ++j) c[j] = c[j] > 0 ? c[j] : 0.0f;
  }
}

void sgemm(bool transA, bool transB, int M, int N, int K, const float* A, long lda, const float* B, long ldb, float* C, long ldc, const Epilogue& ep) {
  if (gemm_active() == Gemm::own) {
    sgemm_own(transA, transB, M, N, K, A, lda, B, ldb, C, ldc, ep);
    return;
  }
  sgemm_blas(transA, transB, M, N, K, A, lda, B, ldb, C, ldc, ep.accumulate);
  if (ep.bias || ep.relu)
    pool_run([&](int t, int T) {
      long r0, r1;
      split_range(M, t, T, r0, r1);
      apply_epilogue(C, ldc, r0, r1, N, ep.bias, ep.relu);
    });
}

}  // namespace bp
