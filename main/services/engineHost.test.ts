import { describe, expect, it } from 'vitest';
import { detectBackends } from './engineHost';

/** app.info's backends: what `auto` will pick, fastest first, without starting anything. */

const missing = (id: string): string => {
  throw new Error(`Cannot find module '${id}'`);
};

describe('detectBackends', () => {
  it('picks our native kernels when the addon is built and tfjs-node is not installed', () => {
    const b = detectBackends(missing, () => true);
    expect(b.default).toBe('native');
    expect(b.available.map((a) => a.name)).toEqual(['tensorflow', 'native', 'simd', 'wasm', 'cpu']);
    expect(b.available.find((a) => a.name === 'native')?.available).toBe(true);
  });

  it('falls to the SIMD tier, saying why native is not there', () => {
    const b = detectBackends(missing, () => false);
    expect(b.default).toBe('simd');
    expect(b.available.find((a) => a.name === 'native')?.reason).toMatch(/not built.*build:native/);
  });

  it('prefers tfjs-node when it is installed', () => {
    expect(
      detectBackends(
        (id) => id,
        () => true,
      ).default,
    ).toBe('tensorflow');
  });
});
