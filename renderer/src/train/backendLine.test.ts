import { describe, expect, it } from 'vitest';
import { backendLine } from './backendLine';

describe('backendLine', () => {
  it('keeps what runs and turns the failures of faster engines into hints', () => {
    expect(
      backendLine(
        'native kernels on OpenBLAS 0.3.21 (Cooperlake), 2 threads · tensorflow failed: @tensorflow/tfjs-node-gpu is not installed; @tensorflow/tfjs-node is not installed',
      ),
    ).toEqual({
      used: 'native kernels on OpenBLAS 0.3.21 (Cooperlake), 2 threads',
      hints: ['tensorflow would be faster but is not available here: @tensorflow/tfjs-node-gpu is not installed; @tensorflow/tfjs-node is not installed.'],
    });
  });
  it('shows a detail it does not know as it is', () => {
    expect(backendLine('wasm, 1 thread')).toEqual({ used: 'wasm, 1 thread', hints: [] });
    expect(backendLine('')).toEqual({ used: '', hints: [] });
  });
});
