import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import type { SaliencyRequest } from '../../../shared/api/inspectCompute';
import type { Graph, Params } from '../../../shared/graph/types';
import { defaultTraining } from '../../../shared/project';
import { GraphBuilder } from '../../../shared/templates/builder';
import { startBackend } from '../backend';
import { saliency } from '../inspect/saliency';
import { buildModel } from '../model';
import { tfjsModelFromGraph } from './load';

/*
 * BatchNormalization without γ (scale=False, InceptionV3) or β (center=False) through the engine's
 * loader: gradients equal those of the same model with an explicit γ = 1 / β = 0 (and finite
 * differences), training runs, and Keras's parameters stay exact. On cpu and wasm.
 */

function tiny(bn: Params): Graph {
  const b = new GraphBuilder('tiny', 'Sequential');
  b.chain(b.input([5, 5, 2]), [
    ['Conv2D', { filters: 3, kernel_size: [3, 3], use_bias: false }],
    ['BatchNormalization', { axis: 3, ...bn }],
    ['Activation', { activation: 'tanh' }],
    ['Flatten', {}],
    ['Dense', { units: 2 }],
  ]);
  return b.build();
}

/** Conv2D (no bias) -> BatchNormalization(axis=3, scale=False) -> ReLU, InceptionV3's conv2d_bn. */
function convBn(b: GraphBuilder, x: string, filters: number, k: number): string {
  const conv = b.layer('Conv2D', { filters, kernel_size: [k, k], padding: 'same', use_bias: false }, x);
  return b.layer('Activation', { activation: 'relu' }, b.layer('BatchNormalization', { axis: 3, scale: false }, conv));
}

/** A stem and one mixed block in InceptionV3's shape (1x1, 1x1->3x3, pool->1x1, concatenated). */
function inceptionStyle(): Graph {
  const b = new GraphBuilder('inception_style', 'Functional');
  const stem = convBn(b, b.input([12, 12, 3]), 8, 3);
  const b1 = convBn(b, stem, 4, 1);
  const b3 = convBn(b, convBn(b, stem, 4, 1), 6, 3);
  const bp = convBn(b, b.layer('AveragePooling2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, stem), 4, 1);
  const mixed = b.layer('Concatenate', { axis: 3 }, [b1, b3, bp], 'mixed0');
  const pooled = b.layer('GlobalAveragePooling2D', {}, mixed);
  b.layer('Dense', { units: 3, activation: 'softmax' }, pooled, 'predictions');
  return b.build();
}

async function load(graph: Graph): Promise<LayersModel> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

/** Deterministic non-trivial values (moving statistics away from 0 / 1, so inference mode is tested too). */
function values(n: number, seed: number, lo: number, hi: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return lo + ((hi - lo) * s) / 2 ** 32;
  });
}

function randomise(model: LayersModel): void {
  model.layers.forEach((layer, i) => {
    const ws = layer.getWeights();
    if (ws.length === 0) return;
    const isBn = layer.getClassName() === 'BatchNormalization';
    // getWeights hands out the variables' own tensors: set new values, never dispose those.
    layer.setWeights(
      ws.map((w, j) => tf.tensor(values(w.size, 97 * i + j + 1, isBn && j === ws.length - 1 ? 0.5 : -0.8, isBn && j === ws.length - 1 ? 2 : 0.8), w.shape)),
    );
  });
}

/** The same model with γ and β both present, γ = 1 and β = 0 where the original has none. */
async function explicitTwin(model: LayersModel, bn: Params): Promise<LayersModel> {
  const twin = await load(tiny({ ...bn, scale: true, center: true }));
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (layer.getClassName() !== 'BatchNormalization') {
      if (ws.length > 0) twin.getLayer(layer.name).setWeights(ws);
      continue;
    }
    const [mean, variance] = ws.slice(-2);
    if (mean === undefined || variance === undefined) throw new Error('moving statistics');
    const gamma = bn['scale'] === false ? tf.onesLike(mean) : ws[0];
    const beta = bn['center'] === false ? tf.zerosLike(mean) : ws[ws.length - 3];
    if (gamma === undefined || beta === undefined) throw new Error('gamma / beta');
    twin.getLayer(layer.name).setWeights([gamma, beta, mean, variance]);
  }
  return twin;
}

/** d loss / d input and d loss / d conv kernel. */
function gradients(model: LayersModel, x: tf.Tensor, training: boolean): Float32Array[] {
  const kernel = model.layers.find((l) => l.getClassName() === 'Conv2D')?.trainableWeights[0]?.read();
  if (!(kernel instanceof tf.Variable)) throw new Error('conv kernel');
  const loss = (inp: tf.Tensor): tf.Scalar => {
    const y = model.apply(inp, { training });
    if (!(y instanceof tf.Tensor)) throw new Error('output');
    return tf.sum(tf.mul(y, tf.tensor([[1, -2]])));
  };
  const dx = tf.grad(loss)(x);
  const dk = tf.variableGrads(() => loss(x), [kernel]).grads[kernel.name];
  if (dk === undefined) throw new Error('kernel gradient');
  const out = [dx.dataSync(), dk.dataSync()].map((a) => Float32Array.from(a));
  tf.dispose([dx, dk]);
  return out;
}

function expectClose(a: Float32Array, b: Float32Array, tol: number): void {
  expect(a.length).toBe(b.length);
  const worst = Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN)) / (1 + Math.abs(b[i] ?? 0))));
  expect(worst).toBeLessThan(tol);
}

const cases: readonly Params[] = [{ scale: false }, { center: false }, { scale: false, center: false }];

afterAll(async () => {
  await startBackend('cpu');
});

describe.each(['cpu', 'wasm'] as const)('BatchNormalization without γ / β on %s', (backend) => {
  it.each(cases)('%o: gradients (inference and training) equal the explicit γ=1 / β=0 twin', async (bn) => {
    const started = await startBackend(backend);
    if (!started.ok) throw new Error(started.error.message);
    const model = await load(tiny(bn));
    randomise(model);
    const twin = await explicitTwin(model, bn);
    const x = tf.tensor(values(2 * 50, 7, -1, 1), [2, 5, 5, 2]);
    for (const training of [false, true]) {
      const [dx, dk] = gradients(model, x, training);
      const [tx, tk] = gradients(twin, x, training);
      if (dx === undefined || dk === undefined || tx === undefined || tk === undefined) throw new Error('gradients');
      expect(dx.some((v) => v !== 0)).toBe(true);
      expectClose(dx, tx, 1e-5);
      expectClose(dk, tk, 1e-5);
    }
    tf.dispose(x);
  });

  it('scale=False: the input gradient equals central finite differences of the forward pass', async () => {
    const started = await startBackend(backend);
    if (!started.ok) throw new Error(started.error.message);
    const model = await load(tiny({ scale: false }));
    randomise(model);
    const base = values(50, 11, -1, 1);
    const f = (v: Float32Array): number =>
      tf.tidy(() => {
        const y = model.apply(tf.tensor(v, [1, 5, 5, 2]), { training: false });
        if (!(y instanceof tf.Tensor)) throw new Error('output');
        return tf.sum(tf.mul(y, tf.tensor([[1, -2]]))).dataSync()[0] ?? NaN;
      });
    const [dx] = gradients(model, tf.tensor(base, [1, 5, 5, 2]), false);
    if (dx === undefined) throw new Error('gradient');
    const h = 1e-2;
    for (const i of [0, 13, 27, 49]) {
      const up = Float32Array.from(base);
      const down = Float32Array.from(base);
      up[i] = (up[i] ?? 0) + h;
      down[i] = (down[i] ?? 0) - h;
      expect(dx[i]).toBeCloseTo((f(up) - f(down)) / (2 * h), 2);
    }
  });
});

describe('BatchNormalization without γ keeps Keras parameters and scale=True models as they were', () => {
  it('scale=False has no gamma weight; a BatchNormalization with γ and β is not wrapped', async () => {
    await startBackend('cpu');
    const unscaled = await load(tiny({ scale: false }));
    const bn = unscaled.layers.find((l) => l.getClassName() === 'BatchNormalization');
    expect(bn?.weights.map((w) => w.originalName.split('/').pop())).toEqual(['beta', 'moving_mean', 'moving_variance']);
    expect(bn?.getConfig()['scale']).toBe(false);
    expect(unscaled.countParams()).toBe(2 * 3 * 9 + 3 * 3 + 27 * 2 + 2);
    const scaled = await load(tiny({}));
    const plain = scaled.layers.find((l) => l.getClassName() === 'BatchNormalization');
    expect(plain === undefined ? 'missing' : Object.getOwnPropertyDescriptor(plain, 'call')).toBeUndefined();
  });

  it('the forward pass is the one tfjs computes without γ (inference, where tfjs could already run it)', async () => {
    await startBackend('cpu');
    const model = await load(tiny({ scale: false, center: false }));
    randomise(model);
    const x = tf.tensor(values(2 * 50, 3, -1, 1), [2, 5, 5, 2]);
    const y = model.apply(x, { training: false });
    const bn = model.layers.find((l) => l.getClassName() === 'BatchNormalization');
    if (bn === undefined || !(y instanceof tf.Tensor)) throw new Error('model');
    Reflect.deleteProperty(bn, 'call'); // tfjs-layers' own call, with γ and β absent
    const plain = model.apply(x, { training: false });
    if (!(plain instanceof tf.Tensor)) throw new Error('output');
    expect(Array.from(y.dataSync())).toEqual(Array.from(plain.dataSync()));
    tf.dispose([x, y, plain]);
  });
});

describe.each(['cpu', 'wasm'] as const)('an InceptionV3-style block (BatchNormalization scale=False) on %s', (backend) => {
  it('one training step through the engine-compiled model changes the weights and the moving statistics', async () => {
    const started = await startBackend(backend);
    if (!started.ok) throw new Error(started.error.message);
    const built = await buildModel(inceptionStyle(), {
      ...defaultTraining,
      optimizer: { kind: 'adam' },
      learningRate: 0.01,
      loss: 'categorical_crossentropy',
      metrics: [],
    });
    if (!built.ok) throw new Error(built.error.message);
    const { model } = built.value;
    const before = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
    const x = tf.tensor(values(4 * 12 * 12 * 3, 5, 0, 1), [4, 12, 12, 3]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3);
    const out = await model.trainOnBatch(x, y);
    expect(Number.isFinite(Array.isArray(out) ? out[0] : out)).toBe(true);
    const after = model.getWeights();
    const changed = model.weights
      .filter((w, i) => Array.from(after[i]?.dataSync() ?? []).some((v, j) => v !== before[i]?.[j]))
      .map((w) => w.originalName.split('/').pop());
    expect(changed).toContain('kernel');
    expect(changed).toContain('beta');
    expect(changed).toContain('moving_mean');
    expect(model.weights.some((w) => w.originalName.endsWith('gamma'))).toBe(false);
    tf.dispose([x, y]);
  });

  it('saliency and Grad-CAM run, on the mixed block and on a γ-less BatchNormalization (twice: its call survives)', async () => {
    const started = await startBackend(backend);
    if (!started.ok) throw new Error(started.error.message);
    const graph = inceptionStyle();
    const model = await load(graph);
    const data = Array.from(values(12 * 12 * 3, 9, 0, 1));
    const ctx = { model, heldOut: null, classNames: [], graph };
    const sample: SaliencyRequest['sample'] = { kind: 'pixels', width: 12, height: 12, channels: 3, data };
    const mixed = await saliency(ctx, { sample, layer: 'mixed0' });
    if (!mixed.ok) throw new Error(mixed.error.message);
    expect(mixed.value.saliency.data.some((v) => v > 0)).toBe(true);
    expect([mixed.value.gradCam?.width, mixed.value.gradCam?.height]).toEqual([12, 12]);
    expect(mixed.value.camLayers).toContain('batch_normalization');
    for (let run = 0; run < 2; run++) {
      const r = await saliency(ctx, { sample, layer: 'batch_normalization' });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.gradCam?.data.length).toBe(144);
    }
  });
});
