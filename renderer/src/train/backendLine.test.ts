import { describe, expect, it } from 'vitest';
import { backendLine } from './backendLine';

describe('backendLine', () => {
  it('keeps what runs and turns the failures of faster engines into hints', () => {
    expect(
      backendLine({
        detail: 'native kernels on OpenBLAS 0.3.21 (Cooperlake), 2 threads',
        hint: null,
        failures: [{ backend: 'tensorflow', reason: '@tensorflow/tfjs-node-gpu is not installed; @tensorflow/tfjs-node is not installed' }],
      }),
    ).toEqual({
      used: 'native kernels on OpenBLAS 0.3.21 (Cooperlake), 2 threads',
      hints: ['tensorflow would be faster but is not available here: @tensorflow/tfjs-node-gpu is not installed; @tensorflow/tfjs-node is not installed.'],
    });
  });
  it('a kernel tier of ours that did not start is explained by the hint, not listed as a failure', () => {
    expect(
      backendLine({
        detail: 'SIMD128 wasm kernels, 2 threads',
        hint: 'native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
        failures: [
          { backend: 'tensorflow', reason: 'tfjs-node is not installed.' },
          { backend: 'native', reason: 'native kernels not built (no C++ compiler)' },
        ],
      }),
    ).toEqual({
      used: 'SIMD128 wasm kernels, 2 threads · native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
      hints: ['tensorflow would be faster but is not available here: tfjs-node is not installed.'],
    });
  });
  it('without a hint every failure is a hint of its own', () => {
    expect(backendLine({ detail: 'wasm, 1 thread', hint: null, failures: [{ backend: 'simd', reason: 'no SIMD' }] }).hints).toEqual([
      'simd would be faster but is not available here: no SIMD.',
    ]);
  });
  it('a detail alone is shown as it is; nothing at all leaves the line to the explanation', () => {
    expect(backendLine({ detail: 'wasm, 1 thread', hint: null, failures: [] })).toEqual({ used: 'wasm, 1 thread', hints: [] });
    expect(backendLine({ detail: null, hint: null, failures: [] })).toEqual({ used: '', hints: [] });
    expect(backendLine({ detail: '', hint: null, failures: [] })).toEqual({ used: '', hints: [] });
  });
});
