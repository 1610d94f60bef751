import { describe, expect, it } from 'vitest';
import { trainEventSchema, type TrainEvent } from '../../shared/api/training';
import { trainEventJson } from './trainJson';

describe('trainEventJson', () => {
  const cases: { event: TrainEvent; line: string }[] = [
    {
      event: {
        event: 'start',
        epochs: 2,
        stepsPerEpoch: 300,
        batchSize: 200,
        trainSamples: 54000,
        validationSamples: 6000,
        params: 1199882,
        memoryEstimateMb: 310,
      },
      line: '{"event":"start","epochs":2,"steps_per_epoch":300,"batch_size":200,"train_samples":54000,"validation_samples":6000,"params":1199882,"memory_estimate_mb":310}',
    },
    {
      event: {
        event: 'epoch',
        epoch: 1,
        loss: 0.31,
        metrics: { accuracy: 0.9, top_k_accuracy: 0.99 },
        valLoss: 0.25,
        valMetrics: { val_accuracy: 0.93 },
        learningRate: 0.001,
        durationMs: 5000,
        etaMs: 5000,
      },
      line: '{"event":"epoch","epoch":1,"loss":0.31,"metrics":{"accuracy":0.9,"top_k_accuracy":0.99},"val_loss":0.25,"val_metrics":{"val_accuracy":0.93},"learning_rate":0.001,"duration_ms":5000,"eta_ms":5000}',
    },
    {
      event: { event: 'done', testLoss: 0.05, testAccuracy: 0.98, samplesPerSecond: 2100.5, backend: 'wasm', epochs: 2 },
      line: '{"event":"done","test_loss":0.05,"test_accuracy":0.98,"samples_per_second":2100.5,"backend":"wasm","epochs":2}',
    },
    {
      event: { event: 'backend', backend: 'wasm', failures: [{ backend: 'tensorflow', reason: 'tfjs-node is not installed' }] },
      line: '{"event":"backend","backend":"wasm","failures":[{"backend":"tensorflow","reason":"tfjs-node is not installed"}]}',
    },
  ];
  it.each(cases)('$event.event', ({ event, line }) => {
    // The sample is a real contract event, so a renamed contract field fails here first.
    expect(trainEventSchema.parse(event)).toEqual(event);
    expect(trainEventJson(event)).toBe(line);
  });
});
