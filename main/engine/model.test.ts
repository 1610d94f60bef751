import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTraining, optimizerKinds, type Optimizer } from '../../shared/project';
import { fcTfL2 } from '../../shared/templates/chapter';
import { getTemplate } from '../../shared/templates';
import { buildModel, makeOptimizer, setLearningRate, topKAccuracy } from './model';

// The reference backend: these are facts about the model and the optimizers, not the kernels.
beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** One step of `optimizer` on w (starting at `start`) with loss = w, so the gradient is 1. */
function stepOnSlope(optimizer: tf.Optimizer, w: tf.Variable): number {
  optimizer.minimize(() => tf.sum(w));
  return w.dataSync()[0] ?? NaN;
}

describe('buildModel', () => {
  it("counts the chapter's L2 kernel regularizers in the training loss", async () => {
    const t = getTemplate('fc_tf_mnist');
    if (t === undefined) throw new Error('template missing');
    const built = await buildModel(t.build(), defaultTraining);
    if (!built.ok) throw new Error(built.error.message);
    // The loss of the first batch is computed with the initial weights, read here before the step.
    const kernels = built.value.model.layers.flatMap((l) => l.getWeights().filter((_, i) => i === 0));
    expect(kernels.map((k) => k.shape)).toEqual([
      [784, 1024],
      [1024, 10],
    ]);
    const sumSquares = kernels.reduce((acc, k) => acc + (tf.sum(tf.square(k)).dataSync()[0] ?? NaN), 0);
    const out = await built.value.model.trainOnBatch(tf.zeros([2, 784]), tf.cast(tf.oneHot([1, 2], 10), 'float32'));
    const loss = Array.isArray(out) ? (out[0] ?? NaN) : out;
    // Zero input and zero biases: both Dense layers output 0, the softmax is uniform and the
    // cross-entropy is ln 10 whatever the kernels; Keras's L2(l) adds l·Σw² for each kernel.
    expect(loss).toBeCloseTo(Math.log(10) + fcTfL2 * sumSquares, 3);
  });

  it.each(optimizerKinds)('compiles and steps with %s, with accuracy and top-3 in the logs', async (kind) => {
    const optimizer: Optimizer = kind === 'sgd' ? { kind, momentum: 0.9, nesterov: true } : { kind };
    const t = getTemplate('fc_200_200');
    if (t === undefined) throw new Error('template missing');
    const built = await buildModel(t.build(), {
      ...defaultTraining,
      optimizer,
      loss: 'sparse_categorical_crossentropy',
      metrics: [{ kind: 'accuracy' }, { kind: 'top_k_accuracy', k: 3 }],
    });
    if (!built.ok) throw new Error(built.error.message);
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 1);
    const y = tf.tensor2d([[1], [2], [3], [4]]);
    const before = built.value.model.layers.flatMap((l) => l.getWeights()).map((w) => w.dataSync().slice());
    const out = await built.value.model.trainOnBatch(x, y);
    const logs = Array.isArray(out) ? out : [out];
    expect(logs).toHaveLength(3);
    const [loss, accuracy, top3] = logs;
    expect(loss).toBeGreaterThan(0);
    // Accuracy and top-3 accuracy of 4 samples are multiples of 1/4, top-3 at least top-1.
    expect([accuracy, top3].map((v) => ((v ?? NaN) * 4) % 1)).toEqual([0, 0]);
    expect(top3).toBeGreaterThanOrEqual(accuracy ?? NaN);
    const after = built.value.model.layers.flatMap((l) => l.getWeights()).map((w) => w.dataSync());
    expect(after.some((w, i) => w.some((v, j) => v !== before[i]?.[j]))).toBe(true);
  });
});

describe('top-k accuracy', () => {
  it('counts the true class among the k best', () => {
    const pred = tf.tensor2d([
      [0.1, 0.5, 0.4],
      [0.6, 0.3, 0.1],
    ]);
    const acc = topKAccuracy(2, false)(
      tf.tensor2d([
        [0, 0, 1],
        [0, 0, 1],
      ]),
      pred,
    );
    expect(Array.from(acc.dataSync())).toEqual([1, 0]);
    const sparse = topKAccuracy(1, true)(tf.tensor2d([[1], [0]]), pred);
    expect(Array.from(sparse.dataSync())).toEqual([1, 1]);
  });
});

describe('makeOptimizer', () => {
  // Keras 3.15's defaults (keras/src/optimizers/*.py __init__), written out by hand; tfjs's own
  // defaults differ (e.g. RMSprop epsilon 1e-8 and Adagrad accumulator 0.1 only by chance).
  it.each<[Optimizer, string, Record<string, number | boolean>]>([
    [{ kind: 'sgd', momentum: 0, nesterov: false }, 'SGD', { learningRate: 0.1 }],
    [{ kind: 'sgd', momentum: 0.9, nesterov: true }, 'Momentum', { learningRate: 0.1, momentum: 0.9, useNesterov: true }],
    [{ kind: 'adam' }, 'Adam', { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
    [{ kind: 'rmsprop' }, 'RMSProp', { learningRate: 0.1, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false }],
    [{ kind: 'adagrad' }, 'Adagrad', { learningRate: 0.1, initialAccumulatorValue: 0.1 }],
    [{ kind: 'adadelta' }, 'Adadelta', { learningRate: 0.1, rho: 0.95, epsilon: 1e-7 }],
    [{ kind: 'adamax' }, 'Adamax', { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, decay: 0 }],
  ])('%j has Keras’s hyper-parameters', (optimizer, className, config) => {
    const made = makeOptimizer(optimizer, 0.1);
    expect(made.getClassName()).toBe(className);
    expect(made.getConfig()).toEqual(config);
  });
});

describe('setLearningRate', () => {
  it('changes the size of the next SGD step', () => {
    const optimizer = makeOptimizer({ kind: 'sgd', momentum: 0, nesterov: false }, 0.1);
    const w = tf.variable(tf.tensor1d([1]));
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(0.9, 6);
    setLearningRate(optimizer, 0.5);
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(0.4, 6);
  });

  it('keeps the momentum accumulated before the change', () => {
    const optimizer = makeOptimizer({ kind: 'sgd', momentum: 0.9, nesterov: false }, 0.1);
    const w = tf.variable(tf.tensor1d([1]));
    // Step 1: v = 1, w = 1 − 0.1·1. Step 2 at lr 0.5: v = 0.9·1 + 1 = 1.9, w = 0.9 − 0.5·1.9.
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(0.9, 6);
    setLearningRate(optimizer, 0.5);
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(-0.05, 6);
  });

  it('changes the size of the next Adam step', () => {
    const optimizer = makeOptimizer({ kind: 'adam' }, 0.1);
    const w = tf.variable(tf.tensor1d([1]));
    // Adam's first steps on a constant gradient move by about the learning rate.
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(0.9, 4);
    setLearningRate(optimizer, 0.01);
    expect(stepOnSlope(optimizer, w)).toBeCloseTo(0.89, 4);
  });
});
