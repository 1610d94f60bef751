// The 4×8 microkernel's building blocks (gemm.c, filter.c): ROW declares a row's two accumulators,
// STEP adds one broadcast A value times the B row (b0, b1), EPILOGUE adds C (when acc), the bias,
// applies ReLU and stores all rows to c (row stride ldc).
#ifndef BLOCKPROP_MICRO_H
#define BLOCKPROP_MICRO_H

#define ROW(r) v128_t c##r##0 = wasm_f32x4_splat(0.f), c##r##1 = c##r##0;
#define STEP(r, aexpr)                                   \
  {                                                      \
    v128_t av = wasm_v128_load32_splat(aexpr);           \
    c##r##0 = wasm_f32x4_add(c##r##0, wasm_f32x4_mul(av, b0)); \
    c##r##1 = wasm_f32x4_add(c##r##1, wasm_f32x4_mul(av, b1)); \
  }
#define OUT(r)                                                                  \
  {                                                                             \
    float* cr = c + (r) * ldc;                                                  \
    if (acc) {                                                                  \
      c##r##0 = wasm_f32x4_add(c##r##0, wasm_v128_load(cr));                    \
      c##r##1 = wasm_f32x4_add(c##r##1, wasm_v128_load(cr + 4));                \
    }                                                                           \
    if (bias) {                                                                 \
      c##r##0 = wasm_f32x4_add(c##r##0, bb0);                                   \
      c##r##1 = wasm_f32x4_add(c##r##1, bb1);                                   \
    }                                                                           \
    if (relu) {                                                                 \
      c##r##0 = wasm_f32x4_pmax(c##r##0, zero);                                 \
      c##r##1 = wasm_f32x4_pmax(c##r##1, zero);                                 \
    }                                                                           \
    wasm_v128_store(cr, c##r##0);                                               \
    wasm_v128_store(cr + 4, c##r##1);                                           \
  }
#define EPILOGUE                                                    \
  v128_t zero = wasm_f32x4_splat(0.f), bb0 = zero, bb1 = zero;       \
  if (bias) { bb0 = wasm_v128_load(bias); bb1 = wasm_v128_load(bias + 4); } \
  OUT(0) OUT(1) OUT(2) OUT(3)

#endif
