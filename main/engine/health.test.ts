import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../shared/api/training';
import { defaultTraining } from '../../shared/project';
import { getTemplate } from '../../shared/templates';
import { runTraining } from './trainer';

type EpochEvent = Extract<TrainEvent, { event: 'epoch' }>;

async function epochs(id: string, limit: number, health?: boolean, healthBudget?: number): Promise<{ epochs: EpochEvent[]; samplesPerSecond: number }> {
  const graph = getTemplate(id)?.build();
  if (graph === undefined) throw new Error(id);
  const events: TrainEvent[] = [];
  await runTraining(
    {
      graph,
      training: { ...defaultTraining, epochs: 2, batchSize: 64, seed: 3 },
      dataset: { kind: 'mnist' },
      backend: 'wasm',
      limit: { train: limit, test: 64 },
    },
    (e) => events.push(e),
    { shouldStop: () => false, batchEventIntervalMs: 0, ...(health === undefined ? {} : { health }), ...(healthBudget === undefined ? {} : { healthBudget }) },
  );
  const done = events.find((e): e is Extract<TrainEvent, { event: 'done' }> => e.event === 'done');
  return { epochs: events.filter((e): e is EpochEvent => e.event === 'epoch'), samplesPerSecond: done?.samplesPerSecond ?? 0 };
}

describe('training health', () => {
  it('reports per-layer histograms, activation statistics and dead ReLUs every epoch, cheaply', async () => {
    // Budget lifted: 128 images are too few for a 5 % share (the next test).
    const run = await epochs('keras_cnn', 128, true, 1);
    expect(run.epochs).toHaveLength(2);
    const h = run.epochs[1]?.health;
    if (h === undefined) throw new Error('no health');
    expect(h.epoch).toBe(2);
    const names = h.layers.map((l) => l.layer);
    expect(names).toEqual(['conv2d', 'conv2d_1', 'dense', 'dense_1']);
    const conv = h.layers[0];
    // 3·3·1·32 kernel weights, all in the histogram; gradients too.
    expect(conv?.weights?.counts.reduce((a, b) => a + b, 0)).toBe(288);
    expect(conv?.gradients?.counts.reduce((a, b) => a + b, 0)).toBe(288);
    expect(conv?.gradientRms).toBeGreaterThan(0);
    expect(conv?.deadFraction).toBeGreaterThanOrEqual(0);
    expect(conv?.activationStd).toBeGreaterThan(0);
    expect(h.layers[3]?.deadFraction).toBeNull(); // softmax output
    // The weights moved between the epochs: the histograms differ.
    expect(run.epochs[0]?.health?.layers[0]?.weights).not.toEqual(conv?.weights);
    // Cost: one probe pass per epoch against a full 60,000-image epoch at the measured speed.
    const fullEpochMs = (60_000 / run.samplesPerSecond) * 1000;
    const share = h.costMs / fullEpochMs;
    console.log(
      `health: ${h.costMs} ms per epoch; subset epoch ${run.epochs[1]?.durationMs} ms; full MNIST epoch ≈ ${Math.round(fullEpochMs)} ms → ${(share * 100).toFixed(2)} %`,
    );
    expect(share).toBeLessThan(0.05);
  }, 240_000);

  it('stays within 5 % of the training time: a run too short to afford it is measured once, after its last epoch', async () => {
    const run = await epochs('fc_200_200', 64);
    expect(run.epochs).toHaveLength(2);
    // Not between epochs (that would slow training), but once when training is over.
    expect(run.epochs[0]?.health).toBeUndefined();
    expect(run.epochs[1]?.health?.epoch).toBe(2);
  }, 120_000);

  it('can be turned off (no health field)', async () => {
    const run = await epochs('fc_200_200', 256, false);
    expect(run.epochs.every((e) => e.health === undefined)).toBe(true);
  }, 120_000);
});
