import { backendChoiceSchema, type BackendChoice, type BackendName } from '../../../shared/api/training';

/** The engines a run can use, with the one-line explanation the panel shows. */
export type Backend = BackendChoice;

export const backendExplanations: Readonly<Record<BackendName, string>> = {
  tensorflow: 'Native TensorFlow (tfjs-node): uses your CUDA GPU or all CPU cores — the fastest when installed.',
  native: "Blockprop's native kernels (built at install, on OpenBLAS where present) on all CPU cores — the fastest without tfjs-node.",
  simd: "Blockprop's WebAssembly SIMD kernels on all CPU cores: portable, nothing to install.",
  wasm: 'Plain TensorFlow.js WebAssembly, one thread: portable, slower than the simd engine.',
  cpu: 'Plain JavaScript: slow but simplest; useful to check results on another engine.',
};

export function isBackend(value: string): value is Backend {
  return backendChoiceSchema.safeParse(value).success;
}
