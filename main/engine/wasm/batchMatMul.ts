import { getKernel, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm, free, input, run } from './heap';

/**
 * BatchMatMul with transposed operands. tfjs-backend-wasm 4.22 runs transposeA/transposeB through a
 * slow generic loop (~10× slower than its XNNPACK path); Dense layers hit it in every backward
 * pass (dW = xᵀ·dy, dx = dy·Wᵀ). Transposing explicitly first and calling the package's own fast
 * kernel is much quicker.
 */
function withFastPath(original: KernelFunc): KernelFunc {
  return ({ inputs, backend: b, attrs }) => {
    const transposeA = attrs?.['transposeA'] === true;
    const transposeB = attrs?.['transposeB'] === true;
    if (!transposeA && !transposeB) return original({ inputs, backend: b, attrs });
    const backend = asWasm(b);
    const swapLast = (t: TensorInfo): TensorInfo => {
      const perm = t.shape.map((_, i) => i);
      const n = perm.length;
      perm[n - 1] = n - 2;
      perm[n - 2] = n - 1;
      return run(backend, 'Transpose', { x: t }, { perm });
    };
    const a = transposeA ? swapLast(input(inputs, 'a')) : input(inputs, 'a');
    const bb = transposeB ? swapLast(input(inputs, 'b')) : input(inputs, 'b');
    const out = original({ inputs: { ...inputs, a, b: bb }, backend: b, attrs: { ...attrs, transposeA: false, transposeB: false } });
    if (transposeA) free(backend, a);
    if (transposeB) free(backend, bb);
    return out;
  };
}

/** Wraps the package's kernel (looked up when the patches are registered). */
export function batchMatMulConfig(): KernelConfig | null {
  const original = getKernel('BatchMatMul', 'wasm');
  if (original === undefined) return null;
  // setupFunc binds the package's C++ entry point when the backend starts.
  const config: KernelConfig = { kernelName: 'BatchMatMul', backendName: 'wasm', kernelFunc: withFastPath(original.kernelFunc) };
  return original.setupFunc === undefined ? config : { ...config, setupFunc: original.setupFunc };
}
