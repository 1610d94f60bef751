import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../../shared/api/training';
import { defaultTraining } from '../../../shared/project';
import { getTemplate } from '../../../shared/templates';
import { runTraining } from '../trainer';
import { loadTier } from './tiers';
import { tiersRequired } from '../../../tests/requireTools.test-util';

/**
 * Whole training runs on each compiled tier: a seeded run gives bit-identical weights run after
 * run (the tiers split work statically and sum in a fixed order for a given thread count), and
 * stopping at any batch leaves a usable model and a tier that trains again. Skipped (with the
 * loader's reason) where a tier does not load; in CI both must.
 */

async function train(backend: 'native' | 'simd', stopAfter: number | null): Promise<{ events: TrainEvent[]; weights: Float32Array[] }> {
  const template = getTemplate('keras_cnn');
  if (template === undefined) throw new Error('keras_cnn template missing');
  const events: TrainEvent[] = [];
  let batches = 0;
  const outcome = await runTraining(
    {
      graph: template.build(),
      training: { ...defaultTraining, epochs: 1, batchSize: 16, seed: 5 },
      dataset: { kind: 'mnist' },
      backend,
      limit: { train: 64, test: 32 },
    },
    (e) => {
      events.push(e);
      if (e.event === 'batch') batches = e.batch;
    },
    { shouldStop: () => stopAfter !== null && batches >= stopAfter, batchEventIntervalMs: 0 },
  );
  const weights = (outcome.model?.getWeights() ?? []).map((w) => Float32Array.from(w.dataSync()));
  outcome.model?.dispose();
  return { events, weights };
}

const of = <K extends TrainEvent['event']>(events: TrainEvent[], kind: K): Extract<TrainEvent, { event: K }>[] =>
  events.filter((e): e is Extract<TrainEvent, { event: K }> => e.event === kind);

describe.each(['native', 'simd'] as const)('training on the %s tier', (name) => {
  it('a seeded run gives bit-identical weights twice; stopping at any batch keeps a usable model', async (ctx) => {
    const loaded = await loadTier(name);
    if (!loaded.ok) {
      if (tiersRequired) throw new Error(`the ${name} tier must load in CI: ${loaded.error.message}`);
      ctx.skip(`the ${name} tier did not load: ${loaded.error.message}`);
      return;
    }
    const a = await train(name, null);
    const b = await train(name, null);
    expect(of(a.events, 'backend')[0]?.backend).toBe(name);
    expect(of(a.events, 'done')).toHaveLength(1);
    expect(a.weights.length).toBeGreaterThan(0);
    expect(b.weights.length).toBe(a.weights.length);
    a.weights.forEach((w, i) => expect(Buffer.from((b.weights[i] ?? new Float32Array()).buffer).equals(Buffer.from(w.buffer)), `weight ${i}`).toBe(true));

    for (const stopAt of [1, 3]) {
      const stopped = await train(name, stopAt);
      const event = of(stopped.events, 'stopped')[0];
      expect(event?.reason).toBe('user');
      expect(event?.batch).toBe(stopAt);
      expect(stopped.weights.every((w) => w.every(Number.isFinite))).toBe(true);
      // The seeded run stopped early differs from the full run (it trained fewer batches).
      expect(stopped.weights.some((w, i) => !Buffer.from(w.buffer).equals(Buffer.from((a.weights[i] ?? new Float32Array()).buffer)))).toBe(true);
    }
    // The tier still trains after the stops, to the same weights.
    const c = await train(name, null);
    c.weights.forEach((w, i) =>
      expect(Buffer.from(w.buffer).equals(Buffer.from((a.weights[i] ?? new Float32Array()).buffer)), `weight ${i} after stops`).toBe(true),
    );
  }, 300_000);
});
