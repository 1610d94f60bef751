// The N-API face of the kernels (the C N-API, node_api.h, so one build loads in Node and in
// Electron; NAPI_MODULE_INIT makes it context-aware, so it loads in worker_threads). Every kernel
// takes the geometry as plain numbers and works in place on Float32Arrays, which may be views into
// tfjs-wasm's heap: nothing is copied. Lengths are checked against the geometry before any pointer
// is touched, so a wrong call throws a RangeError instead of reading past a buffer.
#include <node_api.h>

#include <cmath>
#include <cstring>
#include <string>

#include "kernels.h"

namespace {

struct Args {
  napi_env env;
  napi_value argv[24];
  size_t argc = 24;
  bool failed = false;

  Args(napi_env e, napi_callback_info info) : env(e) { napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr); }

  void fail(const std::string& message) {
    if (!failed) napi_throw_range_error(env, nullptr, ("blockprop native kernels: " + message).c_str());
    failed = true;
  }

  long integer(size_t i, const char* name, long min = 0) {
    if (failed) return 0;
    double v = 0;
    if (i >= argc || napi_get_value_double(env, argv[i], &v) != napi_ok || !std::isfinite(v) || v != std::floor(v) || v < min || v > 2147483647.0) {
      fail(std::string(name) + " must be an integer ≥ " + std::to_string(min));
      return 0;
    }
    return static_cast<long>(v);
  }

  bool boolean(size_t i, const char* name) {
    if (failed) return false;
    bool v = false;
    if (i >= argc || napi_get_value_bool(env, argv[i], &v) != napi_ok) fail(std::string(name) + " must be a boolean");
    return v;
  }

  // A Float32Array of at least `need` elements; napi_get_typedarray_info's data already points at
  // the view's first element (byte_offset applied), so views into a wasm heap work as they are.
  float* floats(size_t i, const char* name, long need, bool nullable = false) {
    if (failed) return nullptr;
    if (i >= argc) {
      fail(std::string(name) + " is missing");
      return nullptr;
    }
    napi_valuetype type;
    napi_typeof(env, argv[i], &type);
    if (nullable && (type == napi_null || type == napi_undefined)) return nullptr;
    bool is_typed = false;
    napi_is_typedarray(env, argv[i], &is_typed);
    napi_typedarray_type kind;
    size_t length = 0, offset = 0;
    void* data = nullptr;
    napi_value buffer;
    if (!is_typed || napi_get_typedarray_info(env, argv[i], &kind, &length, &data, &buffer, &offset) != napi_ok || kind != napi_float32_array) {
      fail(std::string(name) + " must be a Float32Array");
      return nullptr;
    }
    if (static_cast<long>(length) < need) {
      fail(std::string(name) + " holds " + std::to_string(length) + " floats; the geometry needs " + std::to_string(need));
      return nullptr;
    }
    return static_cast<float*>(data);
  }

  bp::Conv conv() {
    bp::Conv g{};
    g.batch = static_cast<int>(integer(0, "batch"));
    g.inH = static_cast<int>(integer(1, "inH"));
    g.inW = static_cast<int>(integer(2, "inW"));
    g.inC = static_cast<int>(integer(3, "inC"));
    g.outH = static_cast<int>(integer(4, "outH"));
    g.outW = static_cast<int>(integer(5, "outW"));
    g.outC = static_cast<int>(integer(6, "outC"));
    g.kH = static_cast<int>(integer(7, "kH", 1));
    g.kW = static_cast<int>(integer(8, "kW", 1));
    g.strideH = static_cast<int>(integer(9, "strideH", 1));
    g.strideW = static_cast<int>(integer(10, "strideW", 1));
    g.dilationH = static_cast<int>(integer(11, "dilationH", 1));
    g.dilationW = static_cast<int>(integer(12, "dilationW", 1));
    g.padTop = static_cast<int>(integer(13, "padTop"));
    g.padLeft = static_cast<int>(integer(14, "padLeft"));
    if (!failed && static_cast<double>(g.batch) * g.outH * g.outW * (static_cast<double>(g.kH) * g.kW * g.inC + g.outC) > 9.0e15) fail("the geometry is too large");
    if (!failed && static_cast<double>(g.batch) * g.outH * g.outW > 2147483647.0) fail("batch × outH × outW must stay below 2³¹");
    return g;
  }
};

long input_size(const bp::Conv& g) { return static_cast<long>(g.batch) * g.inH * g.inW * g.inC; }
long output_size(const bp::Conv& g) { return static_cast<long>(g.batch) * g.outH * g.outW * g.outC; }
long filter_size(const bp::Conv& g) { return static_cast<long>(g.kH) * g.kW * g.inC * g.outC; }
long depthwise_filter_size(const bp::Conv& g) { return static_cast<long>(g.kH) * g.kW * g.outC; }

napi_value undefined(napi_env env) {
  napi_value u;
  napi_get_undefined(env, &u);
  return u;
}

constexpr size_t G = 15;  // geometry arguments before the arrays

napi_value Conv2d(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = a.conv();
  const float* x = a.floats(G, "x", input_size(g));
  const float* w = a.floats(G + 1, "w", filter_size(g));
  const float* bias = a.floats(G + 2, "bias", g.outC, true);
  const bool relu = a.boolean(G + 3, "relu");
  float* out = a.floats(G + 4, "out", output_size(g));
  if (!a.failed) bp::conv2d(g, x, w, bias, relu, out);
  return undefined(env);
}

napi_value Conv2dBackpropInput(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = a.conv();
  const float* dy = a.floats(G, "dy", output_size(g));
  const float* w = a.floats(G + 1, "w", filter_size(g));
  float* dx = a.floats(G + 2, "dx", input_size(g));
  if (!a.failed) bp::conv2d_backprop_input(g, dy, w, dx);
  return undefined(env);
}

napi_value Conv2dBackpropFilter(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = a.conv();
  const float* x = a.floats(G, "x", input_size(g));
  const float* dy = a.floats(G + 1, "dy", output_size(g));
  float* dw = a.floats(G + 2, "dw", filter_size(g));
  if (!a.failed) bp::conv2d_backprop_filter(g, x, dy, dw);
  return undefined(env);
}

bp::Conv depthwise_geometry(Args& a) {
  const bp::Conv g = a.conv();
  if (!a.failed && (g.inC == 0 ? g.outC != 0 : g.outC % g.inC != 0)) a.fail("depthwise outC must be inC × multiplier");
  return g;
}

napi_value DepthwiseConv2d(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = depthwise_geometry(a);
  const float* x = a.floats(G, "x", input_size(g));
  const float* w = a.floats(G + 1, "w", depthwise_filter_size(g));
  const float* bias = a.floats(G + 2, "bias", g.outC, true);
  const bool relu = a.boolean(G + 3, "relu");
  float* out = a.floats(G + 4, "out", output_size(g));
  if (!a.failed) bp::depthwise(g, x, w, bias, relu, out);
  return undefined(env);
}

napi_value DepthwiseConv2dBackpropInput(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = depthwise_geometry(a);
  const float* dy = a.floats(G, "dy", output_size(g));
  const float* w = a.floats(G + 1, "w", depthwise_filter_size(g));
  float* dx = a.floats(G + 2, "dx", input_size(g));
  if (!a.failed) bp::depthwise_backprop_input(g, dy, w, dx);
  return undefined(env);
}

napi_value DepthwiseConv2dBackpropFilter(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = depthwise_geometry(a);
  const float* x = a.floats(G, "x", input_size(g));
  const float* dy = a.floats(G + 1, "dy", output_size(g));
  float* dw = a.floats(G + 2, "dw", depthwise_filter_size(g));
  if (!a.failed) bp::depthwise_backprop_filter(g, x, dy, dw);
  return undefined(env);
}

bp::Conv pool_geometry(Args& a) {
  const bp::Conv g = a.conv();
  if (!a.failed && g.outC != g.inC) a.fail("pooling needs outC = inC");
  return g;
}

napi_value MaxPool(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = pool_geometry(a);
  const float* x = a.floats(G, "x", input_size(g));
  float* out = a.floats(G + 1, "out", output_size(g));
  if (!a.failed) bp::max_pool(g, x, out);
  return undefined(env);
}

napi_value MaxPoolGrad(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = pool_geometry(a);
  const float* x = a.floats(G, "x", input_size(g));
  const float* dy = a.floats(G + 1, "dy", output_size(g));
  float* dx = a.floats(G + 2, "dx", input_size(g));
  if (!a.failed) bp::max_pool_grad(g, x, dy, dx);
  return undefined(env);
}

napi_value AvgPool(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = pool_geometry(a);
  const float* x = a.floats(G, "x", input_size(g));
  float* out = a.floats(G + 1, "out", output_size(g));
  if (!a.failed) bp::avg_pool(g, x, out);
  return undefined(env);
}

napi_value AvgPoolGrad(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const bp::Conv g = pool_geometry(a);
  const float* dy = a.floats(G, "dy", output_size(g));
  float* dx = a.floats(G + 1, "dx", input_size(g));
  if (!a.failed) bp::avg_pool_grad(g, dy, dx);
  return undefined(env);
}

napi_value MatMul(napi_env env, napi_callback_info info) {
  Args a(env, info);
  bp::MatMul g{};
  g.batch = static_cast<int>(a.integer(0, "batch"));
  g.aBatch = static_cast<int>(a.integer(1, "aBatch", 1));
  g.bBatch = static_cast<int>(a.integer(2, "bBatch", 1));
  g.m = static_cast<int>(a.integer(3, "m"));
  g.k = static_cast<int>(a.integer(4, "k"));
  g.n = static_cast<int>(a.integer(5, "n"));
  g.transA = a.boolean(6, "transA");
  g.transB = a.boolean(7, "transB");
  if (!a.failed && ((g.aBatch != 1 && g.aBatch != g.batch) || (g.bBatch != 1 && g.bBatch != g.batch))) a.fail("aBatch and bBatch must be 1 or batch");
  const float* x = a.floats(8, "a", static_cast<long>(g.aBatch) * g.m * g.k);
  const float* y = a.floats(9, "b", static_cast<long>(g.bBatch) * g.k * g.n);
  const float* bias = a.floats(10, "bias", g.n, true);
  const bool relu = a.boolean(11, "relu");
  float* out = a.floats(12, "out", static_cast<long>(g.batch) * g.m * g.n);
  if (!a.failed) bp::mat_mul(g, x, y, bias, relu, out);
  return undefined(env);
}

napi_value ReluGrad(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const float* dy = a.floats(0, "dy", 0);
  long n = 0;
  if (!a.failed) {
    size_t length = 0;
    napi_get_typedarray_info(env, a.argv[0], nullptr, &length, nullptr, nullptr, nullptr);
    n = static_cast<long>(length);
  }
  const float* y = a.floats(1, "y", n);
  float* out = a.floats(2, "out", n);
  if (!a.failed) bp::relu_grad(dy, y, out, n);
  return undefined(env);
}

napi_value SumRows(napi_env env, napi_callback_info info) {
  Args a(env, info);
  const long rows = a.integer(1, "rows");
  const long cols = a.integer(2, "cols");
  const float* x = a.floats(0, "x", rows * cols);
  float* out = a.floats(3, "out", cols);
  if (!a.failed) bp::sum_rows(x, rows, cols, out);
  return undefined(env);
}

void set(napi_env env, napi_value obj, const char* key, napi_value v) { napi_set_named_property(env, obj, key, v); }
napi_value str(napi_env env, const std::string& s) {
  napi_value v;
  napi_create_string_utf8(env, s.c_str(), s.size(), &v);
  return v;
}
napi_value num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}

const char* isa() {
#if defined(__AVX512F__)
  return "AVX-512";
#elif defined(__AVX2__)
  return "AVX2";
#elif defined(__AVX__)
  return "AVX";
#elif defined(__ARM_NEON) || defined(__aarch64__)
  return "NEON";
#else
  return "generic";
#endif
}

napi_value Info(napi_env env, napi_callback_info) {
  napi_value o;
  napi_create_object(env, &o);
  set(env, o, "threads", num(env, bp::pool_threads()));
  napi_value blas;
  if (bp::blas_linked()) blas = str(env, bp::blas_name());
  else napi_get_null(env, &blas);
  set(env, o, "blas", blas);
  set(env, o, "blasThreads", num(env, bp::blas_threads()));
  set(env, o, "gemm", str(env, bp::gemm_active() == bp::Gemm::blas ? "blas" : "own"));
  set(env, o, "isa", str(env, isa()));
  return o;
}

napi_value SetGemm(napi_env env, napi_callback_info info) {
  Args a(env, info);
  char name[8] = {0};
  size_t len = 0;
  bool ok = false;
  if (a.argc >= 1 && napi_get_value_string_utf8(env, a.argv[0], name, sizeof(name), &len) == napi_ok) {
    if (std::strcmp(name, "own") == 0) ok = bp::gemm_select(bp::Gemm::own);
    else if (std::strcmp(name, "blas") == 0) ok = bp::gemm_select(bp::Gemm::blas);
  }
  napi_value r;
  napi_get_boolean(env, ok, &r);
  return r;
}

}  // namespace

NAPI_MODULE_INIT() {
  const struct {
    const char* name;
    napi_callback fn;
  } fns[] = {
      {"conv2d", Conv2d},
      {"conv2dBackpropInput", Conv2dBackpropInput},
      {"conv2dBackpropFilter", Conv2dBackpropFilter},
      {"depthwiseConv2d", DepthwiseConv2d},
      {"depthwiseConv2dBackpropInput", DepthwiseConv2dBackpropInput},
      {"depthwiseConv2dBackpropFilter", DepthwiseConv2dBackpropFilter},
      {"matMul", MatMul},
      {"maxPool", MaxPool},
      {"maxPoolGrad", MaxPoolGrad},
      {"avgPool", AvgPool},
      {"avgPoolGrad", AvgPoolGrad},
      {"reluGrad", ReluGrad},
      {"sumRows", SumRows},
      {"info", Info},
      {"setGemm", SetGemm},
  };
  for (const auto& f : fns) {
    napi_value v;
    napi_create_function(env, f.name, NAPI_AUTO_LENGTH, f.fn, nullptr, &v);
    napi_set_named_property(env, exports, f.name, v);
  }
  return exports;
}
