import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { layers, sequential, type LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { activationsRequestSchema, evaluateRequestSchema, fcViewRequestSchema } from '../../../shared/api/inspect';
import { buildFc200x200, buildKerasCnn } from '../../../shared/templates/chapter';
import type { ImageSet } from '../datasets/types';
import { tfjsModelFromGraph } from '../export/load';
import { activations } from './activations';
import type { InspectContext } from './context';
import { evaluate, predict, sampleLoss } from './evaluate';
import { fcView, kernels } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Input [2] -> Dense(2, softmax) with kernel 10·I: predicts the brighter of the two pixels. */
function brighterPixel(): LayersModel {
  const m = sequential({ layers: [layers.dense({ inputShape: [2], units: 2, activation: 'softmax', name: 'dense' })] });
  m.getLayer('dense').setWeights([
    tf.tensor2d([
      [10, 0],
      [0, 10],
    ]),
    tf.zeros([2]),
  ]);
  return m;
}

const pairs: ImageSet = {
  count: 4,
  imageShape: [1, 2, 1],
  pixels: Uint8Array.from([255, 0, 0, 255, 255, 0, 0, 255]),
  labels: Int32Array.from([0, 1, 1, 0]),
};

async function fromGraph(graph: Parameters<typeof tfjsModelFromGraph>[0]): Promise<LayersModel> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const digits: ImageSet = { count: 2, imageShape: [28, 28, 1], pixels: new Uint8Array(2 * 784).fill(128), labels: Int32Array.from([3, 7]) };

describe('evaluate', () => {
  it('computes loss, accuracy, confusion, per-class accuracy and the worst mistakes', async () => {
    const ctx: InspectContext = { model: brighterPixel(), heldOut: pairs, classNames: ['left', 'right'] };
    const r = await evaluate(ctx, evaluateRequestSchema.parse({ worst: 1 }));
    if (!r.ok) throw new Error(r.error.message);
    const e = 1 / (1 + Math.exp(10));
    expect(r.value.accuracy).toBe(0.5);
    expect(r.value.confusion).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(r.value.perClassAccuracy).toEqual([0.5, 0.5]);
    expect(r.value.loss).toBeCloseTo((2 * -Math.log(1 - e) + 2 * -Math.log(e)) / 4, 4);
    expect(r.value.labels).toEqual([0, 1, 1, 0]);
    expect(r.value.predicted).toEqual([0, 1, 0, 1]);
    expect(r.value.worst).toHaveLength(1);
    expect(r.value.worst[0]?.label).not.toBe(r.value.worst[0]?.predicted);
    expect(r.value.worst[0]?.image).toMatchObject({ width: 2, height: 1, channels: 1 });
  });
  it('ranks mistakes by the confidence of the wrong answer, highest first (not by the lowest probability of the truth)', async () => {
    const m = sequential({ layers: [layers.dense({ inputShape: [3], units: 3, activation: 'softmax', name: 'dense' })] });
    m.getLayer('dense').setWeights([
      tf.tensor2d([
        [10, 0, 0],
        [0, 10, 0],
        [0, 0, 10],
      ]),
      tf.zeros([3]),
    ]);
    // Both are true class 1 answered 0. #0: 0 with 90 %, the truth at 0.004 %; #1: 0 with 98.7 %, the truth at 0.65 %.
    const set: ImageSet = { count: 2, imageShape: [1, 3, 1], pixels: Uint8Array.from([255, 0, 200, 128, 0, 0]), labels: Int32Array.from([1, 1]) };
    const r = await evaluate({ model: m, heldOut: set, classNames: ['a', 'b', 'c'] }, evaluateRequestSchema.parse({ worst: 2 }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.worst.map((w) => w.index)).toEqual([1, 0]);
    const confidence = r.value.worst.map((w) => w.probabilities[w.predicted] ?? 0);
    expect(confidence[0]).toBeGreaterThan(confidence[1] ?? 1);
  });
  it.each([
    { loss: 'categorical_crossentropy', probs: [0.25, 0.75], label: 1, expected: -Math.log(0.75) },
    { loss: 'binary_crossentropy', probs: [0.8], label: 0, expected: -Math.log(0.2) },
    { loss: 'mse', probs: [0.5, 0.5], label: 0, expected: 0.25 },
    { loss: 'mae', probs: [0.5, 0.5], label: 0, expected: 0.5 },
  ] as const)('$loss per sample', ({ loss, probs, label, expected }) => {
    expect(sampleLoss(loss, probs, label)).toBeCloseTo(expected, 6);
  });
  it('refuses test data of the wrong size, saying what to change', async () => {
    const r = await evaluate({ model: brighterPixel(), heldOut: digits, classNames: [] }, evaluateRequestSchema.parse({}));
    expect(r.ok ? '' : r.error.message).toBe("The test images are 28×28×1 but the model's Input is 2; change the Input block.");
  });
});

describe('predict', () => {
  it('predicts a drawn input and a test sample', async () => {
    const ctx: InspectContext = { model: brighterPixel(), heldOut: pairs, classNames: ['left', 'right'] };
    const drawn = await predict(ctx, { sample: { kind: 'pixels', width: 2, height: 1, channels: 1, data: [0.1, 0.9] } });
    expect(drawn.ok && [drawn.value.predicted, drawn.value.label, drawn.value.classNames]).toEqual([1, null, ['left', 'right']]);
    const test = await predict(ctx, { sample: { kind: 'test', index: 2 } });
    expect(test.ok && [test.value.predicted, test.value.label]).toEqual([0, 1]);
    const sum = test.ok ? test.value.probabilities.reduce((a, b) => a + b, 0) : 0;
    expect(sum).toBeCloseTo(1, 5);
    const bad = await predict(ctx, { sample: { kind: 'test', index: 9 } });
    expect(bad.ok ? '' : bad.error.message).toBe('Sample 9 does not exist; the test set has 4 images.');
  });
});

describe('activations and weights of the chapter models', () => {
  it('shows 32 maps of 26×26 for the Keras CNN first Conv2D, a 128-strip for its Dense', async () => {
    const ctx: InspectContext = { model: await fromGraph(buildKerasCnn()), heldOut: digits, classNames: [] };
    const conv = await activations(ctx, activationsRequestSchema.parse({ layer: 'conv2d', sample: { kind: 'test', index: 0 } }));
    if (!conv.ok) throw new Error(conv.error.message);
    expect([conv.value.kind, conv.value.shape, conv.value.maps.length]).toEqual(['maps', [null, 26, 26, 32], 32]);
    const map = conv.value.maps[5];
    expect([map?.width, map?.height, Buffer.from(map?.data ?? '', 'base64').length]).toEqual([26, 26, 676]);
    expect(map && map.min <= map.max).toBe(true);
    const dense = await activations(ctx, activationsRequestSchema.parse({ layer: 'dense', sample: { kind: 'test', index: 1 }, encoding: 'f32' }));
    if (!dense.ok) throw new Error(dense.error.message);
    expect([dense.value.kind, dense.value.maps.length, dense.value.maps[0]?.width, dense.value.values?.length]).toEqual(['vector', 1, 128, 128]);
    expect(Buffer.from(dense.value.maps[0]?.data ?? '', 'base64').length).toBe(128 * 4);
    const k = kernels(ctx, {});
    if (!k.ok) throw new Error(k.error.message);
    expect([k.value.layer, k.value.filters, k.value.kernelSize, k.value.inChannels, k.value.kernels[0]?.data.length]).toEqual(['conv2d', 32, [3, 3], 1, 9]);
    const fc = fcView(ctx, fcViewRequestSchema.parse({}));
    expect(fc.ok ? '' : fc.error.message).toMatch(/needs a fully connected net .* Conv2D 'conv2d'/);
    const missing = await activations(ctx, activationsRequestSchema.parse({ layer: 'nope', sample: { kind: 'test', index: 0 } }));
    expect(missing.ok ? '' : missing.error.message).toBe("The model has no layer 'nope'.");
  });
  it('computes the FC net\'s "what the network sees" as W1 @ W2 @ W3 columns, 28×28, labelled', async () => {
    const model = await fromGraph(buildFc200x200());
    const ctx: InspectContext = { model, heldOut: digits, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] };
    const r = fcView(ctx, fcViewRequestSchema.parse({}));
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.layers, r.value.columns, r.value.imageShape, r.value.images.length, r.value.images[3]?.label]).toEqual([
      ['dense', 'dense_1', 'dense_2'],
      10,
      [28, 28, 1],
      10,
      '3',
    ]);
    const [w1, w2, w3] = ['dense', 'dense_1', 'dense_2'].map((n) => model.getLayer(n).getWeights()[0] ?? tf.zeros([1]));
    const expected = tf.tidy(() => tf.matMul(tf.matMul(w1 ?? tf.zeros([1]), w2 ?? tf.zeros([1])), w3 ?? tf.zeros([1])).dataSync());
    expect(r.value.images[3]?.data[100]).toBeCloseTo(expected[100 * 10 + 3] ?? NaN, 4);
    const first = fcView(ctx, fcViewRequestSchema.parse({ upTo: 'dense', maxImages: 4 }));
    expect(first.ok && [first.value.columns, first.value.images.length, first.value.images[0]?.label]).toEqual([200, 4, null]);
  });
});
