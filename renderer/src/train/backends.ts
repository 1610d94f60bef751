/** The engines a run can use (issue 3 §1), with the one-line explanation the panel shows. */
export type Backend = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

export const backendExplanations: Readonly<Record<Exclude<Backend, 'auto'>, string>> = {
  tensorflow: 'Native TensorFlow (tfjs-node): uses your CUDA GPU or all CPU cores — the fastest when installed.',
  wasm: 'WebAssembly with SIMD: portable and fast on any CPU, no install needed — the default.',
  cpu: 'Plain JavaScript: slow but simplest; useful to check results on another engine.',
};

export function explainBackend(name: string): string {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? backendExplanations[name] : `The ${name} engine.`;
}
