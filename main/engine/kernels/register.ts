import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { asWasm } from '../wasm/heap';
import { convKernels } from './convKernels';
import { installDropout } from './dropout';
import { installFusedOps } from './fusedOps';
import { dispatch, type TierKernelSpec } from './glue';
import { matMulKernels } from './matMulKernels';
import { poolKernels } from './poolKernels';
import { trainingKernels } from './trainingKernels';

export { activeTier, setActiveTier } from './glue';

/**
 * The path from tfjs to our kernel tiers: each kernel below replaces the wasm backend's kernel
 * of the same name with one that calls the active tier (setActiveTier) and otherwise, or for a
 * case the tier does not cover, calls the kernel it replaced — the package's own or one of our
 * patches in ../wasm — so with no tier active everything runs exactly as before.
 */

export const tierKernels: readonly TierKernelSpec[] = [...convKernels, ...matMulKernels, ...poolKernels, ...trainingKernels];

let registered = false;

/**
 * Wraps the wasm kernels (once). Call after registerWasmPatches and before the wasm backend
 * initialises: the package's setupFunc (binding its C++ entry points) is kept on each wrapper.
 */
export function registerTierKernels(): void {
  if (registered) return;
  registered = true;
  for (const spec of tierKernels) {
    const original = getKernel(spec.kernelName, 'wasm');
    if (original === undefined) throw new Error(`tfjs-backend-wasm has no '${spec.kernelName}' kernel to route through the kernel tiers`);
    const config: KernelConfig = { kernelName: spec.kernelName, backendName: 'wasm', kernelFunc: dispatch(spec.kernel, original.kernelFunc, asWasm) };
    unregisterKernel(spec.kernelName, 'wasm');
    registerKernel(original.setupFunc === undefined ? config : { ...config, setupFunc: original.setupFunc });
  }
  // tfjs-core's fused ops, with a one-pass ReLU and bias under gradients (they call tfjs-core's own when no tier is active).
  installFusedOps();
  // tf.dropout with its mask written straight into the heap (tfjs-core's own when no tier is active).
  installDropout();
}
