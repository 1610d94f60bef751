import { describe, expect, it } from 'vitest';
import { emaNext, newEma, smooth } from './smoothing';

describe('smooth', () => {
  const cases: { name: string; values: number[]; weight: number; expected: number[] }[] = [
    { name: 'weight 0 keeps the values', values: [3, 1, 2], weight: 0, expected: [3, 1, 2] },
    { name: 'a constant stays constant (debiased)', values: [5, 5, 5, 5], weight: 0.9, expected: [5, 5, 5, 5] },
    { name: 'first point is the value itself', values: [2, 4], weight: 0.5, expected: [2, (0.5 * 1 + 0.5 * 4) / 0.75] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = smooth(c.values, c.weight);
      out.forEach((v, i) => expect(v).toBeCloseTo(c.expected[i] ?? Number.NaN, 10));
    });
  }

  it('incremental equals batch', () => {
    const values = [1, 0.8, 0.9, 0.4, 0.5, 0.2];
    const state = newEma();
    const inc = values.map((v) => emaNext(state, v, 0.8));
    expect(inc).toEqual(smooth(values, 0.8));
  });
});
