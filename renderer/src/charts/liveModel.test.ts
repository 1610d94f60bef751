import { describe, expect, it } from 'vitest';
import { CurveBuilder, describeStep } from './liveModel';

describe('CurveBuilder', () => {
  it('appends only new points and keeps raw values exact', () => {
    const b = new CurveBuilder(0);
    b.update([
      [1, 2.3, 0.1],
      [2, 2.1, null],
    ]);
    b.update([
      [1, 2.3, 0.1],
      [2, 2.1, null],
      [3, 1.9, 0.3],
    ]);
    const { loss, accuracy } = b.models([], 3);
    const raw = loss.series.find((s) => s.key === 'loss-raw');
    expect(raw?.points).toEqual([
      { x: 1, y: 2.3 },
      { x: 2, y: 2.1 },
      { x: 3, y: 1.9 },
    ]);
    expect(accuracy.series.find((s) => s.key === 'acc-raw')?.points.map((p) => p.x)).toEqual([1, 3]);
    expect(accuracy.percent).toBe(true);
  });

  it('starts over when the run restarts (fewer points)', () => {
    const b = new CurveBuilder(0.5);
    b.update([
      [1, 1, null],
      [2, 1, null],
    ]);
    b.update([[1, 5, null]]);
    expect(b.models([], 1).loss.series.find((s) => s.key === 'loss')?.points).toEqual([{ x: 1, y: 5 }]);
  });

  it('epoch points: validation dashed, boundaries at epoch ends', () => {
    const b = new CurveBuilder(0.6);
    const m = b.models([{ epoch: 0, step: 10, loss: 0.5, accuracy: 0.8, valLoss: 0.4, valAccuracy: 0.85, durationMs: 100 }], 10);
    expect(m.loss.boundaries).toEqual([10]);
    expect(m.loss.series.find((s) => s.key === 'val-loss')?.dashed).toBe(true);
    expect(m.accuracy.series.find((s) => s.key === 'val-acc')?.points).toEqual([{ x: 10, y: 0.85 }]);
  });
});

describe('describeStep', () => {
  const cases: [number, number, string][] = [
    [1, 10, 'epoch 1 · batch 1/10'],
    [10, 10, 'epoch 1 · batch 10/10'],
    [11, 10, 'epoch 2 · batch 1/10'],
    [5, 0, 'batch 5'],
  ];
  for (const [step, per, text] of cases) it(`${step}/${per}`, () => expect(describeStep(step, per)).toBe(text));
});
