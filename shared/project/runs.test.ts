import { describe, expect, it } from 'vitest';
import { defaultTraining } from './schema';
import { parseProject } from './project';
import { repairRuns, thinPoints, type RunRecord } from './runs';

const run: RunRecord = {
  id: 'r1',
  startedAt: '2026-11-28T17:00:00.000Z',
  model: 'keras_cnn',
  totalParams: 1_199_882,
  training: defaultTraining,
  dataset: { kind: 'mnist' },
  limit: 2000,
  backend: 'wasm',
  status: 'done',
  message: null,
  stepsPerEpoch: 10,
  epochs: [{ epoch: 0, step: 10, loss: 0.5, accuracy: 0.85, valLoss: 0.4, valAccuracy: 0.88, durationMs: 1200 }],
  batches: [
    [1, 2.3, 0.1],
    [10, 0.5, null],
  ],
  testAccuracy: 0.88,
  testLoss: 0.4,
  samplesPerSecond: 1500,
};

describe('repairRuns', () => {
  const cases: { name: string; raw: unknown; kept: number | undefined; warns: number }[] = [
    { name: 'absent stays absent', raw: undefined, kept: undefined, warns: 0 },
    { name: 'valid runs are kept', raw: [run, run], kept: 2, warns: 0 },
    { name: 'a broken entry is dropped with a warning', raw: [run, { id: 3 }], kept: 1, warns: 1 },
    { name: 'not an array: dropped with a warning', raw: 'runs', kept: 0, warns: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const warnings: string[] = [];
      expect(repairRuns(c.raw, warnings)?.length).toBe(c.kept);
      expect(warnings.length).toBe(c.warns);
    });
  }

  it('a project keeps its runs through parseProject', () => {
    const parsed = parseProject({
      format: 'blockprop-project',
      version: 1,
      graph: { name: 'm', nodes: [], edges: [] },
      training: defaultTraining,
      dataset: { kind: 'mnist' },
      runs: [run],
    });
    expect(parsed.ok && parsed.value.project.runs).toEqual([run]);
  });
});

describe('thinPoints', () => {
  const cases: [number, number, number][] = [
    [10, 400, 10],
    [1000, 400, 400],
    [401, 400, 400],
  ];
  for (const [n, max, expected] of cases) {
    it(`${n} points -> at most ${max}`, () => {
      const pts = Array.from({ length: n }, (_, i) => i);
      const out = thinPoints(pts, max);
      expect(out.length).toBe(expected);
      expect(out[0]).toBe(0);
      expect(out[out.length - 1]).toBe(n - 1);
    });
  }
});
