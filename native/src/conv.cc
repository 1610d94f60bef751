// Conv2D forward and both backprops as GEMMs over im2col patches, in chunks that stay in cache.
// Row r of the patch matrix is output pixel (b, oh, ow); column (kh·kW + kw)·inC + c matches the
// HWIO filter's row, so the filter is the GEMM's [K × outC] operand as stored. Any stride,
// padding and dilation; 1×1 / stride 1 / no padding skips im2col (the input already is the matrix).
//
// Two schedules: with BLAS, the caller walks the chunks, our pool builds the patches and BLAS does
// each product on its own threads; with our GEMM, each pool thread owns a static run of rows and
// does patches + product for its chunks itself (no hand-off between the two). Sums are always taken
// in a fixed order (the filter gradient: chunk by chunk, then thread partials 0..T-1).
#include "kernels.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace bp {
namespace {

long patch_rows(const Conv& g) { return static_cast<long>(g.batch) * g.outH * g.outW; }
int patch_cols(const Conv& g) { return g.kH * g.kW * g.inC; }

bool is_pointwise(const Conv& g) {
  return g.kH == 1 && g.kW == 1 && g.strideH == 1 && g.strideW == 1 && g.padTop == 0 && g.padLeft == 0 && g.outH == g.inH && g.outW == g.inW;
}

// Rows [r0, r1) of the patch matrix into col (row length K).
void im2col(const Conv& g, const float* x, long r0, long r1, float* col) {
  const int K = patch_cols(g);
  const long hw = static_cast<long>(g.outH) * g.outW;
  const size_t cbytes = sizeof(float) * g.inC;
  for (long r = r0; r < r1; ++r) {
    const long b = r / hw, rem = r % hw;
    const int oh = static_cast<int>(rem / g.outW), ow = static_cast<int>(rem % g.outW);
    float* d = col + (r - r0) * K;
    const float* xb = x + b * g.inH * static_cast<long>(g.inW) * g.inC;
    for (int kh = 0; kh < g.kH; ++kh) {
      const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
      if (ih < 0 || ih >= g.inH) {
        std::memset(d, 0, cbytes * g.kW);
        d += g.kW * g.inC;
        continue;
      }
      const float* row = xb + static_cast<long>(ih) * g.inW * g.inC;
      if (g.inC == 1) {
        // One channel (a first layer on grey images): single floats, no memcpy calls.
        for (int kw = 0; kw < g.kW; ++kw) {
          const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
          d[kw] = iw < 0 || iw >= g.inW ? 0.0f : row[iw];
        }
        d += g.kW;
        continue;
      }
      for (int kw = 0; kw < g.kW; ++kw, d += g.inC) {
        const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
        if (iw < 0 || iw >= g.inW) std::memset(d, 0, cbytes);
        else std::memcpy(d, row + static_cast<long>(iw) * g.inC, cbytes);
      }
    }
  }
}

// dx += the patch-matrix rows [r0, r1) of col, scattered back to their pixels.
void col2im_add(const Conv& g, const float* col, long r0, long r1, float* dx) {
  const int K = patch_cols(g);
  const long hw = static_cast<long>(g.outH) * g.outW;
  for (long r = r0; r < r1; ++r) {
    const long b = r / hw, rem = r % hw;
    const int oh = static_cast<int>(rem / g.outW), ow = static_cast<int>(rem % g.outW);
    const float* s = col + (r - r0) * K;
    float* xb = dx + b * g.inH * static_cast<long>(g.inW) * g.inC;
    for (int kh = 0; kh < g.kH; ++kh) {
      const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
      if (ih < 0 || ih >= g.inH) {
        s += g.kW * g.inC;
        continue;
      }
      float* row = xb + static_cast<long>(ih) * g.inW * g.inC;
      if (g.inC == 1) {
        for (int kw = 0; kw < g.kW; ++kw) {
          const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
          if (iw >= 0 && iw < g.inW) row[iw] += s[kw];
        }
        s += g.kW;
        continue;
      }
      for (int kw = 0; kw < g.kW; ++kw, s += g.inC) {
        const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
        if (iw < 0 || iw >= g.inW) continue;
        float* d = row + static_cast<long>(iw) * g.inC;
        for (int c = 0; c < g.inC; ++c) d[c] += s[c];
      }
    }
  }
}

// Rows per chunk so that a chunk of patches holds about `floats` floats (at least `min_rows`).
long chunk_rows(int K, long floats, long min_rows, long multiple) {
  long rows = floats / std::max(1, K);
  rows = std::max(min_rows, rows / multiple * multiple);
  return std::max(1L, rows);
}

constexpr long kOwnChunk = 96 * 1024;        // ~384 KB of patches per thread: L2
// Patches per BLAS call: ~1 MB per thread, so BLAS packs them from L2 (8 MB chunks measured 30 %
// slower: the patches had left the cache before BLAS read them).
long blas_chunk() { return 256L * 1024 * pool_threads(); }

std::vector<float>& thread_buffer(size_t floats) {
  thread_local std::vector<float> buf;
  if (buf.size() < floats) buf.resize(floats);
  return buf;
}

void zero(float* p, long n) {
  pool_run([&](int t, int T) {
    long a, b;
    split_range(n, t, T, a, b);
    if (b > a) std::memset(p + a, 0, sizeof(float) * (b - a));
  });
}

}  // namespace

void conv2d(const Conv& g, const float* x, const float* w, const float* bias, bool relu, float* out) {
  const long M = patch_rows(g);
  const int K = patch_cols(g), N = g.outC;
  if (M == 0 || N == 0) return;
  Epilogue ep;
  ep.bias = bias;
  ep.relu = relu;
  const bool direct = is_pointwise(g);
  if (gemm_active() == Gemm::blas) {
    if (direct) {
      sgemm(false, false, static_cast<int>(M), N, K, x, K, w, N, out, N, ep);
      return;
    }
    const long ch = std::min(M, chunk_rows(K, blas_chunk(), 64, 16));
    // The caller's reusable buffer: a fresh 8 MB allocation per call would page-fault every time.
    std::vector<float>& col = thread_buffer(static_cast<size_t>(ch) * K);
    for (long r0 = 0; r0 < M; r0 += ch) {
      const long rows = std::min(ch, M - r0);
      pool_run([&](int t, int T) {
        long a, b;
        split_range(rows, t, T, a, b);
        if (b > a) im2col(g, x, r0 + a, r0 + b, col.data() + a * K);
      });
      sgemm(false, false, static_cast<int>(rows), N, K, col.data(), K, w, N, out + r0 * N, N, ep);
    }
    return;
  }
  PackedB pb;
  pack_b(pb, w, N, false, K, N);
  const long ch = chunk_rows(K, kOwnChunk, 16, 16);
  pool_run([&](int t, int T) {
    long a, b;
    split_range(M, t, T, a, b);
    if (direct) {
      if (b > a) gemm_packed(static_cast<int>(b - a), x + a * K, K, false, pb, out + a * N, N, ep);
      return;
    }
    float* col = thread_buffer(static_cast<size_t>(ch) * K).data();
    for (long r0 = a; r0 < b; r0 += ch) {
      const long rows = std::min(ch, b - r0);
      im2col(g, x, r0, r0 + rows, col);
      gemm_packed(static_cast<int>(rows), col, K, false, pb, out + r0 * N, N, ep);
    }
  });
}

void conv2d_backprop_input(const Conv& g, const float* dy, const float* w, float* dx) {
  const long M = patch_rows(g), hw = static_cast<long>(g.outH) * g.outW;
  const long in_image = static_cast<long>(g.inH) * g.inW * g.inC;
  const int K = patch_cols(g), N = g.outC;
  if (in_image * g.batch == 0) return;
  // dcol [M × K] = dy [M × N] · wᵀ (w is [K × N]).
  if (is_pointwise(g)) {
    sgemm(false, true, static_cast<int>(M), K, N, dy, N, w, N, dx, K, Epilogue());
    return;
  }
  zero(dx, in_image * g.batch);
  if (M == 0) return;
  if (gemm_active() == Gemm::blas || g.batch < pool_threads()) {
    // Chunks of whole images where one fits, so the scatter can go image by image on our threads.
    // Also our GEMM's schedule when there are fewer images than threads (one image: saliency),
    // since the per-image schedule below would leave threads idle: the product is split instead.
    const long per_image = hw * K;
    // A multiple of the thread count, so the scatter splits evenly.
    const int T = pool_threads();
    const long images = std::max<long>(T, blas_chunk() / std::max(1L, per_image) / T * T);
    const long ch = per_image <= blas_chunk() ? std::min(M, images * hw) : chunk_rows(K, blas_chunk(), 64, 16);
    // The caller's reusable buffer: a fresh 8 MB allocation per call would page-fault every time.
    std::vector<float>& col = thread_buffer(static_cast<size_t>(ch) * K);
    for (long r0 = 0; r0 < M; r0 += ch) {
      const long rows = std::min(ch, M - r0);
      sgemm(false, true, static_cast<int>(rows), K, N, dy + r0 * N, N, w, N, col.data(), K, Epilogue());
      if (per_image > blas_chunk()) {
        col2im_add(g, col.data(), r0, r0 + rows, dx);
        continue;
      }
      const long first = r0 / hw, count = rows / hw;
      pool_run([&](int t, int T) {
        long a, b;
        split_range(count, t, T, a, b);
        if (b > a) col2im_add(g, col.data() + (a * hw) * K, (first + a) * hw, (first + b) * hw, dx);
      });
    }
    return;
  }
  PackedB pb;
  pack_b(pb, w, N, true, N, K);
  const long ch = chunk_rows(K, kOwnChunk, 16, 16);
  // Each thread owns whole images: their pixels receive from no other thread.
  pool_run([&](int t, int T) {
    long b0, b1;
    split_range(g.batch, t, T, b0, b1);
    float* col = thread_buffer(static_cast<size_t>(ch) * K).data();
    for (long r0 = b0 * hw; r0 < b1 * hw; r0 += ch) {
      const long rows = std::min(ch, b1 * hw - r0);
      gemm_packed(static_cast<int>(rows), dy + r0 * N, N, false, pb, col, K, Epilogue());
      col2im_add(g, col, r0, r0 + rows, dx);
    }
  });
}

void conv2d_backprop_filter(const Conv& g, const float* x, const float* dy, float* dw) {
  const long M = patch_rows(g);
  const int K = patch_cols(g), N = g.outC;
  const long size = static_cast<long>(K) * N;
  if (size == 0) return;
  if (M == 0) {
    zero(dw, size);
    return;
  }
  // dw [K × N] = colᵀ [K × M] · dy [M × N], summed over chunks of rows in order.
  const bool direct = is_pointwise(g);
  if (gemm_active() == Gemm::blas) {
    if (direct) {
      sgemm_blas(true, false, K, N, static_cast<int>(M), x, K, dy, N, dw, N, false);
      return;
    }
    const long ch = std::min(M, chunk_rows(K, blas_chunk(), 64, 16));
    // The caller's reusable buffer: a fresh 8 MB allocation per call would page-fault every time.
    std::vector<float>& col = thread_buffer(static_cast<size_t>(ch) * K);
    for (long r0 = 0; r0 < M; r0 += ch) {
      const long rows = std::min(ch, M - r0);
      pool_run([&](int t, int T) {
        long a, b;
        split_range(rows, t, T, a, b);
        if (b > a) im2col(g, x, r0 + a, r0 + b, col.data() + a * K);
      });
      sgemm_blas(true, false, K, N, static_cast<int>(rows), col.data(), K, dy + r0 * N, N, dw, N, r0 > 0);
    }
    return;
  }
  // Thread t sums its static run of rows into its own partial (thread 0's is dw itself); the
  // partials are then added in thread order.
  const int T = pool_threads();
  std::vector<float> partials(static_cast<size_t>(size) * (T - 1));
  const long ch = chunk_rows(K, kOwnChunk, 384, 384);
  pool_run([&](int t, int TT) {
    long a, b;
    split_range(M, t, TT, a, b);
    float* acc = t == 0 ? dw : partials.data() + (t - 1) * size;
    if (b <= a) {
      std::memset(acc, 0, sizeof(float) * size);
      return;
    }
    float* col = direct ? nullptr : thread_buffer(static_cast<size_t>(ch) * K).data();
    thread_local PackedB pb;
    for (long r0 = a; r0 < b; r0 += ch) {
      const long rows = std::min(ch, b - r0);
      const float* patches = x + r0 * K;
      if (!direct) {
        im2col(g, x, r0, r0 + rows, col);
        patches = col;
      }
      pack_b_serial(pb, dy + r0 * N, N, false, static_cast<int>(rows), N);
      Epilogue ep;
      ep.accumulate = r0 > a;
      gemm_packed(K, patches, K, true, pb, acc, N, ep);
    }
  });
  if (T > 1)
    pool_run([&](int t, int TT) {
      long a, b;
      split_range(size, t, TT, a, b);
      for (int p = 0; p < T - 1; ++p) {
        const float* src = partials.data() + p * size;
        for (long i = a; i < b; ++i) dw[i] += src[i];
      }
    });
}

}  // namespace bp
