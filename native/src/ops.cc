// The direct-loop kernels: depthwise convolution and its gradients, max/avg pooling and their
// gradients, the ReLU gradient, the bias gradient (column sums) and MatMul over the GEMM.
// Work is split statically over the pool. Scatters (input gradients) give each thread whole images,
// or whole channel ranges when there are fewer images than threads, so no two threads write one
// cell; reductions over pixels keep one partial per thread and add them in thread order.
#include "kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace bp {
namespace {

// Small jobs run on the calling thread: waking the pool costs more than they do.
void parallel(long work, const std::function<void(int, int)>& fn) {
  if (work < 32 * 1024) fn(0, 1);
  else pool_run(fn);
}

// This thread's share of a scatter: images [b0, b1) × channels [c0, c1).
struct Share {
  long b0, b1;
  int c0, c1;
};
Share scatter_share(int batch, int channels, int t, int T) {
  Share s{0, batch, 0, channels};
  if (batch >= T || channels < T) {
    split_range(batch, t, T, s.b0, s.b1);
  } else {
    long a, b;
    split_range(channels, t, T, a, b);
    s.c0 = static_cast<int>(a);
    s.c1 = static_cast<int>(b);
  }
  return s;
}

long image_size(int h, int w, int c) { return static_cast<long>(h) * w * c; }

template <typename T>
std::vector<T>& scratch(size_t n) {
  thread_local std::vector<T> buf;
  if (buf.size() < n) buf.resize(n);
  return buf;
}

// Calls cell(offset) for every cell of output pixel (oh, ow)'s window that lies inside the input,
// row-major through the window (tfjs's order, which max pooling's ties depend on); offset is the
// cell's (ih · inW + iw) · C. Padding cells are skipped.
template <typename F>
inline void for_window(const Conv& g, int oh, int ow, int C, F&& cell) {
  for (int kh = 0; kh < g.kH; ++kh) {
    const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
    if (ih < 0 || ih >= g.inH) continue;
    for (int kw = 0; kw < g.kW; ++kw) {
      const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
      if (iw < 0 || iw >= g.inW) continue;
      cell((static_cast<long>(ih) * g.inW + iw) * C);
    }
  }
}

// Forward pooling: output rows (b, oh) split across the threads; pixel(xb, oh, ow, o) writes the
// C values of one output pixel from image xb.
template <typename P>
void pool_forward(const Conv& g, const float* x, float* out, P&& pixel) {
  const long rows = static_cast<long>(g.batch) * g.outH;
  const int C = g.inC;
  parallel(rows * g.outW * C * g.kH * g.kW, [&](int t, int T) {
    long r0, r1;
    split_range(rows, t, T, r0, r1);
    for (long r = r0; r < r1; ++r) {
      const float* xb = x + (r / g.outH) * image_size(g.inH, g.inW, C);
      const int oh = static_cast<int>(r % g.outH);
      for (int ow = 0; ow < g.outW; ++ow) pixel(xb, oh, ow, out + (r * g.outW + ow) * C);
    }
  });
}

}  // namespace

void depthwise(const Conv& g, const float* x, const float* w, const float* bias, bool relu, float* out) {
  const int mult = g.outC / std::max(1, g.inC);
  const long rows = static_cast<long>(g.batch) * g.outH;
  parallel(rows * g.outW * g.outC * g.kH * g.kW, [&](int t, int T) {
    long r0, r1;
    split_range(rows, t, T, r0, r1);
    for (long r = r0; r < r1; ++r) {
      const long b = r / g.outH;
      const int oh = static_cast<int>(r % g.outH);
      const float* xb = x + b * image_size(g.inH, g.inW, g.inC);
      for (int ow = 0; ow < g.outW; ++ow) {
        float* o = out + (r * g.outW + ow) * g.outC;
        for (int c = 0; c < g.outC; ++c) o[c] = bias ? bias[c] : 0.0f;
        for (int kh = 0; kh < g.kH; ++kh) {
          const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= g.inH) continue;
          for (int kw = 0; kw < g.kW; ++kw) {
            const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
            if (iw < 0 || iw >= g.inW) continue;
            const float* xp = xb + (static_cast<long>(ih) * g.inW + iw) * g.inC;
            const float* wr = w + static_cast<long>(kh * g.kW + kw) * g.outC;
            if (mult == 1) {
              for (int c = 0; c < g.outC; ++c) o[c] += xp[c] * wr[c];
            } else {
              for (int c = 0; c < g.inC; ++c)
                for (int q = 0; q < mult; ++q) o[c * mult + q] += xp[c] * wr[c * mult + q];
            }
          }
        }
        if (relu)
          for (int c = 0; c < g.outC; ++c) o[c] = o[c] > 0 ? o[c] : 0.0f;
      }
    }
  });
}

void depthwise_backprop_input(const Conv& g, const float* dy, const float* w, float* dx) {
  const int mult = g.outC / std::max(1, g.inC);
  const long in_img = image_size(g.inH, g.inW, g.inC), out_img = image_size(g.outH, g.outW, g.outC);
  parallel(static_cast<long>(g.batch) * out_img * g.kH * g.kW, [&](int t, int T) {
    const Share s = scatter_share(g.batch, g.inC, t, T);
    for (long b = s.b0; b < s.b1; ++b) {
      float* xb = dx + b * in_img;
      for (long p = 0; p < static_cast<long>(g.inH) * g.inW; ++p) std::memset(xb + p * g.inC + s.c0, 0, sizeof(float) * (s.c1 - s.c0));
      for (int oh = 0; oh < g.outH; ++oh)
        for (int ow = 0; ow < g.outW; ++ow) {
          const float* d = dy + b * out_img + (static_cast<long>(oh) * g.outW + ow) * g.outC;
          for (int kh = 0; kh < g.kH; ++kh) {
            const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
            if (ih < 0 || ih >= g.inH) continue;
            for (int kw = 0; kw < g.kW; ++kw) {
              const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
              if (iw < 0 || iw >= g.inW) continue;
              float* xp = xb + (static_cast<long>(ih) * g.inW + iw) * g.inC;
              const float* wr = w + static_cast<long>(kh * g.kW + kw) * g.outC;
              if (mult == 1) {
                for (int c = s.c0; c < s.c1; ++c) xp[c] += d[c] * wr[c];
              } else {
                for (int c = s.c0; c < s.c1; ++c) {
                  float v = 0;
                  for (int q = 0; q < mult; ++q) v += d[c * mult + q] * wr[c * mult + q];
                  xp[c] += v;
                }
              }
            }
          }
        }
    }
  });
}

void depthwise_backprop_filter(const Conv& g, const float* x, const float* dy, float* dw) {
  const int mult = g.outC / std::max(1, g.inC);
  const long size = static_cast<long>(g.kH) * g.kW * g.outC;
  const long rows = static_cast<long>(g.batch) * g.outH;
  const long work = rows * g.outW * g.outC * g.kH * g.kW;
  const int T = work < 32 * 1024 ? 1 : pool_threads();
  std::vector<float> partials(static_cast<size_t>(size) * (T - 1));
  auto body = [&](int t, int TT) {
    long r0, r1;
    split_range(rows, t, TT, r0, r1);
    float* acc = t == 0 ? dw : partials.data() + (t - 1) * size;
    std::memset(acc, 0, sizeof(float) * size);
    for (long r = r0; r < r1; ++r) {
      const long b = r / g.outH;
      const int oh = static_cast<int>(r % g.outH);
      const float* xb = x + b * image_size(g.inH, g.inW, g.inC);
      for (int ow = 0; ow < g.outW; ++ow) {
        const float* d = dy + (r * g.outW + ow) * g.outC;
        for (int kh = 0; kh < g.kH; ++kh) {
          const int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
          if (ih < 0 || ih >= g.inH) continue;
          for (int kw = 0; kw < g.kW; ++kw) {
            const int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
            if (iw < 0 || iw >= g.inW) continue;
            const float* xp = xb + (static_cast<long>(ih) * g.inW + iw) * g.inC;
            float* a = acc + static_cast<long>(kh * g.kW + kw) * g.outC;
            if (mult == 1) {
              for (int c = 0; c < g.outC; ++c) a[c] += xp[c] * d[c];
            } else {
              for (int c = 0; c < g.inC; ++c)
                for (int q = 0; q < mult; ++q) a[c * mult + q] += xp[c] * d[c * mult + q];
            }
          }
        }
      }
    }
  };
  if (T == 1) {
    body(0, 1);
    return;
  }
  pool_run(body);
  pool_run([&](int t, int TT) {
    long a, b;
    split_range(size, t, TT, a, b);
    for (int p = 0; p < T - 1; ++p)
      for (long i = a; i < b; ++i) dw[i] += partials[p * size + i];
  });
}

void max_pool(const Conv& g, const float* x, float* out) {
  const int C = g.inC;
  pool_forward(g, x, out, [&](const float* xb, int oh, int ow, float* o) {
    for (int c = 0; c < C; ++c) o[c] = -std::numeric_limits<float>::infinity();
    for_window(g, oh, ow, C, [&](long cell) {
      const float* xp = xb + cell;
      for (int c = 0; c < C; ++c) o[c] = xp[c] > o[c] ? xp[c] : o[c];
    });
  });
}

void max_pool_grad(const Conv& g, const float* x, const float* dy, float* dx) {
  const int C = g.inC;
  const long in_img = image_size(g.inH, g.inW, C), out_img = image_size(g.outH, g.outW, C);
  parallel(static_cast<long>(g.batch) * out_img * g.kH * g.kW, [&](int t, int T) {
    const Share s = scatter_share(g.batch, C, t, T);
    const int n = s.c1 - s.c0;
    float* best = scratch<float>(n).data();
    int* pos = scratch<int>(n).data();  // offsets within one image
    for (long b = s.b0; b < s.b1; ++b) {
      const float* xb = x + b * in_img;
      float* db = dx + b * in_img;
      for (long p = 0; p < static_cast<long>(g.inH) * g.inW; ++p) std::memset(db + p * C + s.c0, 0, sizeof(float) * n);
      for (int oh = 0; oh < g.outH; ++oh)
        for (int ow = 0; ow < g.outW; ++ow) {
          for (int c = 0; c < n; ++c) {
            best[c] = -std::numeric_limits<float>::infinity();
            pos[c] = -1;
          }
          // Strict '>' in window order: the first cell holding the max wins (tfjs).
          for_window(g, oh, ow, C, [&](long offset) {
            const int cell = static_cast<int>(offset) + s.c0;
            const float* xp = xb + cell;
            // Branch-free so it vectorises (random data would mispredict every other compare).
            for (int c = 0; c < n; ++c) {
              const bool gt = xp[c] > best[c];
              best[c] = gt ? xp[c] : best[c];
              pos[c] = gt ? cell + c : pos[c];
            }
          });
          const float* d = dy + b * out_img + (static_cast<long>(oh) * g.outW + ow) * C + s.c0;
          for (int c = 0; c < n; ++c)
            if (pos[c] >= 0) db[pos[c]] += d[c];
        }
    }
  });
}

void avg_pool(const Conv& g, const float* x, float* out) {
  const int C = g.inC;
  pool_forward(g, x, out, [&](const float* xb, int oh, int ow, float* o) {
    for (int c = 0; c < C; ++c) o[c] = 0.0f;
    int count = 0;
    for_window(g, oh, ow, C, [&](long cell) {
      const float* xp = xb + cell;
      for (int c = 0; c < C; ++c) o[c] += xp[c];
      ++count;
    });
    // Only cells inside the input count (tfjs's rule).
    const float inv = count > 0 ? 1.0f / static_cast<float>(count) : 0.0f;
    for (int c = 0; c < C; ++c) o[c] = count > 0 ? o[c] * inv : std::nanf("");
  });
}

void avg_pool_grad(const Conv& g, const float* dy, float* dx) {
  const int C = g.inC;
  const long in_img = image_size(g.inH, g.inW, C), out_img = image_size(g.outH, g.outW, C);
  // tfjs's AvgPoolGrad divides by the whole window even where padding cut it.
  const float inv = 1.0f / static_cast<float>(g.kH * g.kW);
  parallel(static_cast<long>(g.batch) * out_img * g.kH * g.kW, [&](int t, int T) {
    const Share s = scatter_share(g.batch, C, t, T);
    const int n = s.c1 - s.c0;
    for (long b = s.b0; b < s.b1; ++b) {
      float* db = dx + b * in_img;
      for (long p = 0; p < static_cast<long>(g.inH) * g.inW; ++p) std::memset(db + p * C + s.c0, 0, sizeof(float) * n);
      for (int oh = 0; oh < g.outH; ++oh)
        for (int ow = 0; ow < g.outW; ++ow) {
          const float* d = dy + b * out_img + (static_cast<long>(oh) * g.outW + ow) * C + s.c0;
          for_window(g, oh, ow, C, [&](long cell) {
            float* xp = db + cell + s.c0;
            for (int c = 0; c < n; ++c) xp[c] += d[c] * inv;
          });
        }
    }
  });
}

void relu_grad(const float* dy, const float* y, float* out, long n) {
  parallel(n, [&](int t, int T) {
    long a, b;
    split_range(n, t, T, a, b);
    // Both loads unconditional, so it compiles to vector selects: a conditional load of dy kept
    // it scalar, and random signs then mispredicted every other element (8× slower).
    const float* __restrict d = dy;
    const float* __restrict v = y;
    float* __restrict o = out;
    for (long i = a; i < b; ++i) {
      const float g = d[i];
      o[i] = v[i] > 0 ? g : 0.0f;
    }
  });
}

void sum_rows(const float* x, long rows, long cols, float* out) {
  if (cols == 0) return;
  const int T = rows * cols < 32 * 1024 ? 1 : pool_threads();
  if (T > 1 && cols >= static_cast<long>(T) * 256) {
    // Wide: each thread sums its own columns, no partials.
    pool_run([&](int t, int TT) {
      long c0, c1;
      split_range(cols, t, TT, c0, c1);
      std::vector<double>& acc = scratch<double>(c1 - c0);
      std::fill(acc.begin(), acc.begin() + (c1 - c0), 0.0);
      for (long r = 0; r < rows; ++r)
        for (long c = c0; c < c1; ++c) acc[c - c0] += x[r * cols + c];
      for (long c = c0; c < c1; ++c) out[c] = static_cast<float>(acc[c - c0]);
    });
    return;
  }
  // Tall: a double-precision partial per thread over its rows, added in thread order.
  std::vector<double> partials(static_cast<size_t>(cols) * T, 0.0);
  auto body = [&](int t, int TT) {
    long r0, r1;
    split_range(rows, t, TT, r0, r1);
    double* acc = partials.data() + t * cols;
    for (long r = r0; r < r1; ++r)
      for (long c = 0; c < cols; ++c) acc[c] += x[r * cols + c];
  };
  if (T == 1) body(0, 1);
  else pool_run(body);
  for (long c = 0; c < cols; ++c) {
    double s = 0;
    for (int t = 0; t < T; ++t) s += partials[t * cols + c];
    out[c] = static_cast<float>(s);
  }
}

void mat_mul(const MatMul& g, const float* a, const float* b, const float* bias, bool relu, float* out) {
  Epilogue ep;
  ep.bias = bias;
  ep.relu = relu;
  const long a_size = static_cast<long>(g.m) * g.k, b_size = static_cast<long>(g.k) * g.n, o_size = static_cast<long>(g.m) * g.n;
  for (int i = 0; i < g.batch; ++i) {
    const float* ai = a + (g.aBatch == 1 ? 0 : i) * a_size;
    const float* bi = b + (g.bBatch == 1 ? 0 : i) * b_size;
    sgemm(g.transA, g.transB, g.m, g.n, g.k, ai, g.transA ? g.m : g.k, bi, g.transB ? g.k : g.n, out + i * o_size, g.n, ep);
  }
}

}  // namespace bp
