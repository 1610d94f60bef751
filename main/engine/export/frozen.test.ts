import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../backend';
import { loadSavedModel } from './load';

/**
 * Fine-tuning a model with frozen layers (the Keras 3.15 fixture `frozen`: its first Conv2D,
 * BatchNormalization and ReLU have trainable: false) changes only the trainable weights, and the
 * frozen BatchNormalization runs in inference mode inside fit, as in Keras 3.
 */
const file = path.join(__dirname, '../../../tests/fixtures/trained/frozen.keras');

beforeAll(async () => {
  await startBackend('cpu');
});

const snapshot = (model: import('@tensorflow/tfjs-layers').LayersModel): Map<string, number[]> =>
  new Map(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));

describe('frozen layers', () => {
  it('keep their weights and moving statistics through fit; the rest trains', async () => {
    const loaded = await loadSavedModel(file);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { model } = loaded.value;
    expect(model.getLayer('conv2d_3').trainable).toBe(false);
    const before = snapshot(model);
    model.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([8, 10, 10, 3], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4);
    await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    const after = snapshot(model);
    const changed = [...after].filter(([k, v]) => v.some((n, i) => n !== before.get(k)?.[i])).map(([k]) => k.split('/')[0] ?? k);
    expect(new Set(changed)).toEqual(new Set(['conv2d_4', 'batch_normalization_3', 'dense_3']));
    // Trainable BatchNormalization updates its moving statistics in fit, the frozen one does not.
    expect(changed.filter((l) => l === 'batch_normalization_3').length).toBe(4);
    tf.dispose([x, y]);
    model.dispose();
  });
});
