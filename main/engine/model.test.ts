import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTraining, optimizerKinds, type Optimizer } from '../../shared/project';
import { getTemplate } from '../../shared/templates';
import { startBackend } from './backend';
import { buildModel, makeOptimizer, setLearningRate, topKAccuracy } from './model';

beforeAll(async () => {
  expect((await startBackend('cpu')).ok).toBe(true);
});

describe('buildModel', () => {
  it("counts the chapter's L2 kernel regularizers in the training loss", async () => {
    const t = getTemplate('fc_tf_mnist');
    if (t === undefined) throw new Error('template missing');
    const built = await buildModel(t.build(), defaultTraining);
    if (!built.ok) throw new Error(built.message);
    const x = tf.zeros([2, 784]);
    const y = tf.cast(tf.oneHot([1, 2], 10), 'float32');
    const out = await built.model.trainOnBatch(x, y);
    const loss = Array.isArray(out) ? (out[0] ?? NaN) : out;
    // Zero input: cross-entropy is ln 10 ≈ 2.303 whatever the weights; the rest is 0.025·Σw².
    expect(loss).toBeGreaterThan(3);
  });

  it.each(optimizerKinds)('compiles and steps with %s', async (kind) => {
    const optimizer: Optimizer = kind === 'sgd' ? { kind, momentum: 0.9, nesterov: true } : { kind };
    const t = getTemplate('fc_200_200');
    if (t === undefined) throw new Error('template missing');
    const built = await buildModel(t.build(), { ...defaultTraining, optimizer, loss: 'sparse_categorical_crossentropy', metrics: [{ kind: 'accuracy' }, { kind: 'top_k_accuracy', k: 3 }] });
    if (!built.ok) throw new Error(built.message);
    setLearningRate(built.optimizer, 0.01);
    expect(Reflect.get(built.optimizer, 'learningRate')).toBe(0.01);
    const out = await built.model.trainOnBatch(tf.randomUniform([4, 28, 28, 1]), tf.tensor2d([[1], [2], [3], [4]]));
    expect(Array.isArray(out) ? out.length : 1).toBe(3);
  });

  it('top-k accuracy counts the true class among the k best', () => {
    const pred = tf.tensor2d([
      [0.1, 0.5, 0.4],
      [0.6, 0.3, 0.1],
    ]);
    const acc = topKAccuracy(2, false)(tf.tensor2d([[0, 0, 1], [0, 0, 1]]), pred);
    expect(Array.from(acc.dataSync())).toEqual([1, 0]);
    const sparse = topKAccuracy(1, true)(tf.tensor2d([[1], [0]]), pred);
    expect(Array.from(sparse.dataSync())).toEqual([1, 1]);
  });

  it('makes Keras-default optimizers', () => {
    expect(makeOptimizer({ kind: 'sgd', momentum: 0, nesterov: false }, 0.1).getClassName()).toBe('SGD');
    expect(makeOptimizer({ kind: 'sgd', momentum: 0.9, nesterov: false }, 0.1).getClassName()).toBe('Momentum');
    expect(makeOptimizer({ kind: 'adam' }, 0.1).getClassName()).toBe('Adam');
  });
});
