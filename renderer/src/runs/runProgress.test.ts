import { describe, expect, it } from 'vitest';
import { defaultDataset, defaultTraining, type RunRecord } from '../../../shared/project';
import { runProgressText } from './runProgress';

function run(over: Partial<RunRecord>): RunRecord {
  return {
    id: 'r',
    startedAt: '2026-12-01T22:00:00Z',
    model: 'm',
    totalParams: 1,
    training: { ...defaultTraining, epochs: 1 },
    dataset: defaultDataset,
    limit: null,
    backend: 'wasm',
    status: 'stopped',
    message: null,
    stepsPerEpoch: 300,
    epochs: [],
    batches: [],
    testAccuracy: null,
    testLoss: null,
    samplesPerSecond: null,
    ...over,
  };
}

describe('runProgressText', () => {
  it.each([
    [
      'stopped after 13 batches of the first epoch',
      run({
        batches: [
          [1, 2, null],
          [13, 1.5, null],
        ],
      }),
      '0/1 ep. · 13/300 batches',
    ],
    ['stopped before any batch', run({}), '0/1 ep.'],
    [
      'finished',
      run({
        status: 'done',
        batches: [[300, 0.1, 0.9]],
        epochs: [{ epoch: 0, step: 300, loss: 0.1, accuracy: 0.9, valLoss: null, valAccuracy: null, durationMs: 1 }],
      }),
      '1/1 ep.',
    ],
    [
      'stopped in the second of three',
      run({
        training: { ...defaultTraining, epochs: 3 },
        batches: [[450, 0.2, null]],
        epochs: [{ epoch: 0, step: 300, loss: 0.1, accuracy: 0.9, valLoss: null, valAccuracy: null, durationMs: 1 }],
      }),
      '1/3 ep. · 150/300 batches',
    ],
  ])('%s', (_name, r, text) => {
    expect(runProgressText(r)).toBe(text);
  });
});
