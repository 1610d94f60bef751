import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../shared/api/training';
import type { Graph } from '../../shared/graph/types';
import { defaultTraining, type TrainingSettings } from '../../shared/project';
import { getTemplate } from '../../shared/templates';
import { runTraining } from './trainer';

/** In-process runs (the worker is covered by host.test.ts): small MNIST subsets, one epoch. */

function template(id: string): Graph {
  const t = getTemplate(id);
  if (t === undefined) throw new Error(`template ${id} missing`);
  return t.build();
}

async function train(graph: Graph, training: Partial<TrainingSettings>, limit = 256, backend: 'wasm' | 'cpu' = 'wasm'): Promise<TrainEvent[]> {
  const events: TrainEvent[] = [];
  await runTraining(
    {
      graph,
      training: { ...defaultTraining, epochs: 1, batchSize: 32, seed: 7, ...training },
      dataset: { kind: 'mnist' },
      backend,
      limit: { train: limit, test: 128 },
    },
    (e) => events.push(e),
    { shouldStop: () => false, batchEventIntervalMs: 0 },
  );
  return events;
}

const of = <K extends TrainEvent['event']>(events: TrainEvent[], kind: K): Extract<TrainEvent, { event: K }>[] =>
  events.filter((e): e is Extract<TrainEvent, { event: K }> => e.event === kind);

describe('runTraining', () => {
  it('same seed and backend give the same curve; another seed a different one', async () => {
    const graph = template('fc_200_200');
    const a = of(await train(graph, { seed: 11 }), 'batch').map((e) => e.loss);
    const b = of(await train(graph, { seed: 11 }), 'batch').map((e) => e.loss);
    const c = of(await train(graph, { seed: 12 }), 'batch').map((e) => e.loss);
    expect(a.length).toBe(8);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('a diverging run stops with a message suggesting a lower learning rate', async () => {
    const base = template('fc_200_200');
    // A linear output with MSE and SGD at lr 10 overflows within a few batches.
    const graph: Graph = { ...base, nodes: base.nodes.map((n) => (n.name === 'dense_2' ? { ...n, params: { ...n.params, activation: 'linear' } } : n)) };
    const events = await train(graph, { optimizer: { kind: 'sgd', momentum: 0.9, nesterov: false }, learningRate: 10, loss: 'mse' });
    const stopped = of(events, 'stopped')[0];
    expect(stopped?.reason).toBe('nan');
    expect(stopped?.message).toMatch(/Lower the learning rate/);
    expect(of(events, 'done')).toHaveLength(0);
  });

  it('refuses a model whose output does not match the classes, saying what to change', async () => {
    const base = template('fc_200_200');
    const graph: Graph = { ...base, nodes: base.nodes.map((n) => (n.name === 'dense_2' ? { ...n, params: { ...n.params, units: 7 } } : n)) };
    const events = await train(graph, {});
    const error = of(events, 'error')[0];
    expect(error?.code).toBe('data-mismatch');
    expect(error?.message).toMatch(/10/);
    expect(of(events, 'start')).toHaveLength(0);
  });

  it('trains the Keras CNN on wasm (conv gradients patched) to a finite test loss', async () => {
    const events = await train(template('keras_cnn'), { batchSize: 64 }, 256);
    const batches = of(events, 'batch');
    expect(of(events, 'error')).toEqual([]);
    expect(batches.length).toBe(4);
    const done = of(events, 'done')[0];
    expect(done?.backend).toBe('wasm');
    expect(Number.isFinite(done?.testLoss)).toBe(true);
  });
});
