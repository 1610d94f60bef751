import { describe, expect, it } from 'vitest';
import { simdThreads, tierHint } from './tiers';

describe('tierHint', () => {
  it('says why our faster tier did not start and what runs instead', () => {
    const failures = [
      { backend: 'tensorflow', reason: '@tensorflow/tfjs-node is not installed' },
      { backend: 'native', reason: 'native kernels not built (no C++ compiler)' },
    ];
    expect(tierHint(failures, 'simd', 'SIMD128 wasm kernels, 2 threads')).toBe(
      'native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
    );
    expect(tierHint([...failures, { backend: 'simd', reason: 'no WebAssembly SIMD' }], 'wasm', 'WebAssembly, 1 thread')).toBe(
      'native kernels not built (no C++ compiler); no WebAssembly SIMD: using plain tfjs-wasm (WebAssembly, 1 thread)',
    );
  });

  it('is null when the fastest of ours runs (tfjs-node missing is the normal case, not a hint)', () => {
    expect(tierHint([{ backend: 'tensorflow', reason: 'not installed' }], 'native', 'native kernels on OpenBLAS, 2 threads')).toBeNull();
  });
});

describe('simdThreads', () => {
  it('reads BLOCKPROP_THREADS when it is a positive whole number', () => {
    expect(simdThreads({ BLOCKPROP_THREADS: '3' })).toBe(3);
    expect(simdThreads({ BLOCKPROP_THREADS: '0' })).toBeUndefined();
    expect(simdThreads({ BLOCKPROP_THREADS: 'many' })).toBeUndefined();
    expect(simdThreads({})).toBeUndefined();
  });
});
