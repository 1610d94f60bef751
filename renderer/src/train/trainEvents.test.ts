import { describe, expect, it } from 'vitest';
import { trainEventSchema, type TrainEvent } from '../../../shared/api/training';
import { readTrainEvent, type TrainUpdate } from './trainEvents';

describe('readTrainEvent', () => {
  // Every body is a contract event (parsed by its schema below), the only kind the api client delivers.
  const cases: { name: string; body: TrainEvent; expected: TrainUpdate | null }[] = [
    {
      name: 'batch: 1-based counters become 0-based, accuracy from metrics',
      body: { event: 'batch', epoch: 1, batch: 3, loss: 0.7, metrics: { accuracy: 0.8 }, samplesPerSecond: 1200 },
      expected: { kind: 'batch', epoch: 0, batch: 2, loss: 0.7, accuracy: 0.8, samplesPerSecond: 1200 },
    },
    {
      name: 'batch of a model compiled without accuracy',
      body: { event: 'batch', epoch: 2, batch: 1, loss: 0.02, metrics: {}, samplesPerSecond: 900 },
      expected: { kind: 'batch', epoch: 1, batch: 0, loss: 0.02, accuracy: null, samplesPerSecond: 900 },
    },
    {
      name: 'epoch: validation loss and val_accuracy',
      body: {
        event: 'epoch',
        epoch: 2,
        loss: 0.3,
        metrics: { accuracy: 0.9 },
        valLoss: 0.25,
        valMetrics: { val_accuracy: 0.93 },
        learningRate: 0.001,
        durationMs: 5000,
        etaMs: 10000,
      },
      expected: { kind: 'epoch', epoch: 1, loss: 0.3, accuracy: 0.9, valLoss: 0.25, valAccuracy: 0.93, durationMs: 5000, etaMs: 10000 },
    },
    {
      name: 'epoch without a validation split',
      body: { event: 'epoch', epoch: 1, loss: 0.4, metrics: { accuracy: 0.88 }, learningRate: 0.01, durationMs: 1200, etaMs: 0 },
      expected: { kind: 'epoch', epoch: 0, loss: 0.4, accuracy: 0.88, valLoss: null, valAccuracy: null, durationMs: 1200, etaMs: 0 },
    },
    {
      name: 'backend with failures explains them',
      body: { event: 'backend', backend: 'wasm', detail: 'SIMD', failures: [{ backend: 'tensorflow', reason: 'tfjs-node is not installed' }] },
      expected: { kind: 'backend', backend: 'wasm', reason: 'SIMD · tensorflow failed: tfjs-node is not installed' },
    },
    {
      name: 'a kernel tier that did not start is a hint, not a failure',
      body: {
        event: 'backend',
        backend: 'simd',
        detail: 'SIMD128 wasm kernels, 2 threads',
        failures: [
          { backend: 'tensorflow', reason: 'tfjs-node is not installed' },
          { backend: 'native', reason: 'native kernels not built (no C++ compiler)' },
        ],
        hint: 'native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
      },
      expected: {
        kind: 'backend',
        backend: 'simd',
        reason:
          'SIMD128 wasm kernels, 2 threads · native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads · tensorflow failed: tfjs-node is not installed',
      },
    },
    {
      name: 'no backend at all is an error naming each failure',
      body: {
        event: 'backend',
        backend: null,
        failures: [
          { backend: 'wasm', reason: 'no WebAssembly' },
          { backend: 'cpu', reason: 'out of memory' },
        ],
      },
      expected: { kind: 'error', code: 'backend', message: 'wasm failed: no WebAssembly · cpu failed: out of memory' },
    },
    {
      name: 'no backend and no reasons',
      body: { event: 'backend', backend: null, failures: [] },
      expected: { kind: 'error', code: 'backend', message: 'No training backend could start.' },
    },
    {
      name: 'dataset progress from loaded/total',
      body: { event: 'dataset', phase: 'decoding', loaded: 500, total: 1000 },
      expected: { kind: 'dataset', progress: 0.5, message: 'decoding 500 / 1,000' },
    },
    {
      name: 'dataset of unknown size',
      body: { event: 'dataset', phase: 'reading', loaded: 12345, total: null },
      expected: { kind: 'dataset', progress: null, message: 'reading 12,345' },
    },
    {
      name: 'stopped keeps the engine’s message',
      body: { event: 'stopped', reason: 'nan', message: 'The loss became NaN at epoch 1, batch 4', epoch: 1, batch: 4 },
      expected: { kind: 'stopped', reason: 'nan', message: 'The loss became NaN at epoch 1, batch 4' },
    },
    {
      name: 'done',
      body: { event: 'done', testLoss: 0.1, testAccuracy: 0.97, samplesPerSecond: 2000, backend: 'wasm', epochs: 1 },
      expected: { kind: 'done', testAccuracy: 0.97, testLoss: 0.1, samplesPerSecond: 2000, backend: 'wasm', epochs: 1 },
    },
    {
      name: 'start',
      body: {
        event: 'start',
        epochs: 3,
        stepsPerEpoch: 270,
        batchSize: 200,
        trainSamples: 54000,
        validationSamples: 6000,
        params: 101770,
        memoryEstimateMb: 120,
      },
      expected: { kind: 'start', epochs: 3, stepsPerEpoch: 270, memoryEstimateMb: 120 },
    },
  ];
  it.each(cases)('$name', ({ body, expected }) => {
    expect(trainEventSchema.parse(body)).toEqual(body);
    expect(readTrainEvent(body)).toEqual(expected);
  });

  it('the wire’s old snake_case spelling is refused before it reaches the panel', () => {
    expect(
      trainEventSchema.safeParse({ event: 'done', test_loss: 0.1, test_accuracy: 0.97, samples_per_second: 2000, backend: 'wasm', epochs: 1 }).success,
    ).toBe(false);
  });
});
