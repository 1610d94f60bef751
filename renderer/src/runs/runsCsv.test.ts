import { describe, expect, it } from 'vitest';
import { defaultTraining, type RunRecord } from '../../../shared/project';
import { runsCsv } from './runsCsv';

const base: RunRecord = {
  id: 'a',
  startedAt: '2026-11-28T17:00:00Z',
  model: 'my, "model"',
  totalParams: 10,
  training: defaultTraining,
  dataset: { kind: 'mnist' },
  limit: null,
  backend: 'wasm',
  status: 'done',
  message: null,
  stepsPerEpoch: 5,
  batches: [],
  epochs: [{ epoch: 0, step: 5, loss: 0.5, accuracy: 0.9, valLoss: 0.4, valAccuracy: 0.91, durationMs: 1000 }],
  testAccuracy: 0.91,
  testLoss: 0.4,
  samplesPerSecond: 100,
};

describe('runsCsv', () => {
  it('one row per epoch with 1-based epochs, quoted names', () => {
    const lines = runsCsv([base]).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('a,2026-11-28T17:00:00Z,"my, ""model""",mnist,adam,0.001,200,wasm,1,0.5,0.9,0.4,0.91,1000,0.4,0.91');
  });
  it('a run without epochs (stopped early) still gets a row', () => {
    const lines = runsCsv([{ ...base, model: 'm', epochs: [], testAccuracy: null }])
      .trim()
      .split('\n');
    expect(lines[1]?.split(',').slice(8)).toEqual(['', '', '', '', '', '', '0.4', '']);
  });
});
