import { describe, expect, it } from 'vitest';
import { fuzz } from '../fuzz/harness';

/*
 * The seeded fuzz test: 300 mutants of the small templates' Keras 3, Keras 2 and project exports
 * (truncations, type swaps, huge / 1e309 numbers, prototype keys, control characters, deep
 * nesting, duplicated layers), each through summary, summary --json, validate and three exports,
 * in-process. `npm run fuzz -- --count 2000` runs the big version over every template.
 */
describe('fuzz: no file makes the CLI break its promises', () => {
  it('300 seeded mutants: exit 0/1/2, no internal error, no stack trace, no control characters, JSON where JSON', async () => {
    const report = await fuzz({ count: 300, seed: 1 });
    expect(report.runs).toBe(2700);
    expect(report.failures.slice(0, 5)).toEqual([]);
    // The mutants reach every outcome, so the test exercises refusals, invalid models and exports.
    expect(Object.keys(report.byExit).sort()).toEqual(['0', '1', '2']);
  }, 120_000);
});
