import { describe, expect, it } from 'vitest';
import { trainEventSchema, type TrainEvent } from '../../shared/api/training';
import {
  batchDue,
  batchEvent,
  divergedEvent,
  doneEvent,
  epochEvent,
  etaMs,
  healthAffordable,
  named,
  newTally,
  samplesPerSecond,
  userStopEvent,
  type RunTally,
} from './runEvents';

const tally = (t: Partial<RunTally>): RunTally => ({ ...newTally(), ...t });

/** Every event built here is one the contract accepts (the renderer's client checks them with this schema). */
const valid = (e: TrainEvent): TrainEvent => trainEventSchema.parse(e);

describe('named', () => {
  it('skips the loss and names the metrics, prefixed for validation', () => {
    expect(named(['accuracy', 'top_k_accuracy'], [0.5, 0.8, 0.95])).toEqual({ accuracy: 0.8, top_k_accuracy: 0.95 });
    expect(named(['accuracy'], [0.5, 0.8], 'val_')).toEqual({ val_accuracy: 0.8 });
    expect(named(['accuracy'], [0.5])).toEqual({ accuracy: NaN });
    expect(named([], [0.5])).toEqual({});
  });
});

describe('samplesPerSecond', () => {
  it('images over training time, without dividing by zero before the first batch', () => {
    expect(samplesPerSecond({ trainedSamples: 640, trainMs: 2000 })).toBe(320);
    expect(samplesPerSecond({ trainedSamples: 32, trainMs: 0 })).toBe(32_000);
  });
});

describe('batchDue', () => {
  const cases: { name: string; now: number; last: number; interval: number; batch: number; steps: number; due: boolean }[] = [
    { name: 'the first batch (nothing sent yet)', now: 5000, last: 0, interval: 200, batch: 0, steps: 10, due: true },
    { name: 'too soon after the last event', now: 5100, last: 5000, interval: 200, batch: 3, steps: 10, due: false },
    { name: 'the interval has passed', now: 5200, last: 5000, interval: 200, batch: 3, steps: 10, due: true },
    { name: "an epoch's last batch, however soon", now: 5001, last: 5000, interval: 200, batch: 9, steps: 10, due: true },
    { name: 'no interval (tests): every batch', now: 5000, last: 5000, interval: 0, batch: 3, steps: 10, due: true },
  ];
  for (const c of cases) it(c.name, () => expect(batchDue(c.now, c.last, c.interval, c.batch, c.steps)).toBe(c.due));
});

describe('batchEvent', () => {
  it('averages the epoch so far over its images and counts batches from 1, as Keras prints them', () => {
    // Batches of 32, 32 and 16 images at losses 0.5, 0.4, 0.1 and accuracies 0.6, 0.7, 1: sums weighted by size.
    const e = valid(batchEvent(1, 2, [30.4, 57.6], 80, ['accuracy'], tally({ trainedSamples: 80, trainMs: 250 })));
    expect(e).toEqual({ event: 'batch', epoch: 1, batch: 3, loss: 30.4 / 80, metrics: { accuracy: 57.6 / 80 }, samplesPerSecond: 320 });
  });
});

describe('stop events', () => {
  it('a stop by the person says where, counting from the batch that did not run', () => {
    expect(valid(userStopEvent(2, 0))).toEqual({
      event: 'stopped',
      reason: 'user',
      message: 'Stopped at epoch 2, batch 0; the weights trained so far are kept.',
      epoch: 2,
      batch: 0,
    });
  });

  it('a diverged loss names the batch it happened in and the learning rate to lower', () => {
    expect(valid(divergedEvent(NaN, 1, 2, 10))).toEqual({
      event: 'stopped',
      reason: 'nan',
      message: 'The loss became NaN at epoch 1, batch 3: training diverged. Lower the learning rate (now 10) and train again.',
      epoch: 1,
      batch: 3,
    });
    expect(divergedEvent(Infinity, 1, 0, 0.5).message).toMatch(/^The loss became Infinity at epoch 1, batch 1: .*\(now 0\.5\)/);
  });
});

describe('etaMs', () => {
  it('the mean epoch so far times the epochs still to come', () => {
    expect(etaMs([1000, 2000], 5, 2)).toBe(4500);
    expect(etaMs([1000.4], 2, 1)).toBe(1000);
    expect(etaMs([1200, 900], 2, 2)).toBe(0);
  });
});

describe('epochEvent', () => {
  const base = {
    epoch: 2,
    epochs: 4,
    avg: [0.3, 0.9],
    names: ['accuracy'],
    learningRate: 0.001,
    durationMs: 1500,
    epochDurations: [1000, 1500],
    health: null,
  } as const;

  it('with validation: loss, metrics, val_ metrics and the time left', () => {
    const e = valid(epochEvent({ ...base, validation: { valLoss: 0.35, valMetrics: { val_accuracy: 0.88 } } }));
    expect(e).toEqual({
      event: 'epoch',
      epoch: 2,
      loss: 0.3,
      metrics: { accuracy: 0.9 },
      valLoss: 0.35,
      valMetrics: { val_accuracy: 0.88 },
      learningRate: 0.001,
      durationMs: 1500,
      etaMs: 2500,
    });
  });

  it('without validation or health the fields are absent, not undefined', () => {
    const e = epochEvent({ ...base, validation: null });
    expect(Object.keys(e)).toEqual(['event', 'epoch', 'loss', 'metrics', 'learningRate', 'durationMs', 'etaMs']);
  });
});

describe('healthAffordable', () => {
  const cases: { name: string; tally: Partial<RunTally>; epoch: number; epochs: number; budget: number; affordable: boolean }[] = [
    // First estimate: four probe batches at training speed, at least 150 ms.
    {
      name: 'first epoch of a long run: 150 ms fits 5 % of 4 s',
      tally: { trainMs: 4000, trainedSamples: 20_000 },
      epoch: 1,
      epochs: 10,
      budget: 0.05,
      affordable: true,
    },
    {
      name: 'first epoch of a short run: 150 ms does not fit 5 % of 2 s',
      tally: { trainMs: 2000, trainedSamples: 20_000 },
      epoch: 1,
      epochs: 10,
      budget: 0.05,
      affordable: false,
    },
    {
      name: 'a slow model: four probe batches at 10 ms an image cost 1.28 s',
      tally: { trainMs: 20_000, trainedSamples: 2000 },
      epoch: 1,
      epochs: 10,
      budget: 0.05,
      affordable: false,
    },
    {
      name: 'after a measurement its cost is the estimate',
      tally: { trainMs: 4000, trainedSamples: 20_000, healthMs: 100, lastHealthMs: 100 },
      epoch: 2,
      epochs: 10,
      budget: 0.05,
      affordable: true,
    },
    {
      name: 'the spent share counts',
      tally: { trainMs: 4000, trainedSamples: 20_000, healthMs: 150, lastHealthMs: 100 },
      epoch: 2,
      epochs: 10,
      budget: 0.05,
      affordable: false,
    },
    { name: 'the last epoch of a run never measured gets one', tally: { trainMs: 100, trainedSamples: 64 }, epoch: 3, epochs: 3, budget: 0, affordable: true },
    {
      name: 'the last epoch of a run measured before keeps to the budget',
      tally: { trainMs: 100, trainedSamples: 64, healthMs: 50, lastHealthMs: 50 },
      epoch: 3,
      epochs: 3,
      budget: 0.05,
      affordable: false,
    },
  ];
  for (const c of cases) it(c.name, () => expect(healthAffordable(tally(c.tally), c.epoch, c.epochs, c.budget)).toBe(c.affordable));
});

describe('doneEvent', () => {
  it('test loss and accuracy in model.evaluate order, the run speed and the epochs trained', () => {
    const e = valid(doneEvent([0.25, 0.97, 0.91], ['top_k_accuracy', 'accuracy'], tally({ trainedSamples: 1000, trainMs: 500, epochsDone: 3 }), 'wasm'));
    expect(e).toEqual({ event: 'done', testLoss: 0.25, testAccuracy: 0.91, samplesPerSecond: 2000, backend: 'wasm', epochs: 3 });
  });

  it('a run without accuracy reports none', () => {
    expect(doneEvent([0.02], [], tally({ trainedSamples: 10, trainMs: 10, epochsDone: 1 }), 'cpu').testAccuracy).toBeNull();
  });
});
