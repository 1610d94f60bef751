import { describe, expect, it } from 'vitest';
import { readTrainEvent } from './trainEvents';

describe('readTrainEvent', () => {
  const cases: { name: string; body: { event: string } & Record<string, unknown>; expected: unknown }[] = [
    {
      name: 'batch: 1-based counters become 0-based, accuracy from metrics',
      body: { event: 'batch', epoch: 1, batch: 3, loss: 0.7, metrics: { accuracy: 0.8 }, samplesPerSecond: 1200 },
      expected: { kind: 'batch', epoch: 0, batch: 2, loss: 0.7, accuracy: 0.8, samplesPerSecond: 1200 },
    },
    {
      name: 'epoch: val_loss and val_metrics.val_accuracy',
      body: { event: 'epoch', epoch: 2, loss: 0.3, metrics: { accuracy: 0.9 }, val_loss: 0.25, val_metrics: { val_accuracy: 0.93 }, learningRate: 0.001, durationMs: 5000, etaMs: 10000 },
      expected: { kind: 'epoch', epoch: 1, loss: 0.3, accuracy: 0.9, valLoss: 0.25, valAccuracy: 0.93, durationMs: 5000, etaMs: 10000 },
    },
    {
      name: 'backend with failures explains them',
      body: { event: 'backend', backend: 'wasm', failures: [{ backend: 'tensorflow', reason: 'tfjs-node is not installed' }] },
      expected: { kind: 'backend', backend: 'wasm', reason: 'tensorflow failed: tfjs-node is not installed' },
    },
    {
      name: 'no backend at all is an error',
      body: { event: 'backend', backend: null, failures: [] },
      expected: { kind: 'error', code: 'backend', message: 'No training backend could start.' },
    },
    {
      name: 'dataset progress from loaded/total',
      body: { event: 'dataset', phase: 'decoding', loaded: 500, total: 1000 },
      expected: { kind: 'dataset', progress: 0.5, message: 'decoding 500 / 1,000' },
    },
    {
      name: 'done with snake_case fields',
      body: { event: 'done', test_loss: 0.1, test_accuracy: 0.97, samples_per_second: 2000, backend: 'wasm', epochs: 1 },
      expected: { kind: 'done', testAccuracy: 0.97, testLoss: 0.1, samplesPerSecond: 2000, backend: 'wasm', epochs: 1 },
    },
    { name: 'a malformed batch is dropped', body: { event: 'batch', epoch: 1 }, expected: null },
    { name: 'unknown kinds are ignored', body: { event: 'telemetry' }, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(readTrainEvent(c.body)).toEqual(c.expected));
});
