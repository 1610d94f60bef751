import * as tf from '@tensorflow/tfjs-core';
import { model as functionalModel, type LayersModel } from '@tensorflow/tfjs-layers';
import type { LayerHealth, TrainingHealth } from '../../shared/api/health';
import { healthWarnings } from '../../shared/api/health';
import type { LossName } from './datasets/mismatch';

/**
 * Training health on a fixed probe batch, once per epoch (TensorBoard's histograms, plus what a
 * teacher checks first): per layer the histogram of its kernel and of the kernel's gradient, the
 * mean and standard deviation of its output, and for ReLU layers the fraction of units that never
 * fire on the probe images. One forward + backward pass on ≤ 32 images: measured against the
 * epoch's duration in `costMs`, so the Train view can show it stays small.
 */

const BINS = 24;

function histogram(values: Float32Array): { min: number; max: number; counts: number[] } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { min: 0, max: 0, counts: new Array<number>(BINS).fill(0) };
  const counts = new Array<number>(BINS).fill(0);
  const span = max - min;
  for (const v of values) {
    const b = span > 0 ? Math.min(BINS - 1, Math.floor(((v - min) / span) * BINS)) : 0;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return { min, max, counts };
}

function rms(values: Float32Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return values.length === 0 ? 0 : Math.sqrt(s / values.length);
}

function usesRelu(layer: { getClassName(): string; getConfig(): Record<string, unknown> }): boolean {
  const cls = layer.getClassName();
  if (cls === 'ReLU') return true;
  const act = layer.getConfig()['activation'];
  return act === 'relu' || act === 'relu6';
}

/** Probe models per trained model: the outputs of every layer that has weights or a ReLU. */
const probes = new WeakMap<LayersModel, { model: LayersModel; layers: string[] }>();

function probeOf(model: LayersModel): { model: LayersModel; layers: string[] } {
  const hit = probes.get(model);
  if (hit !== undefined) return hit;
  const chosen = model.layers.filter((l) => l.getClassName() !== 'InputLayer' && (l.trainableWeights.length > 0 || usesRelu(l)));
  const outputs = chosen.map((l) => l.output).filter((o): o is Exclude<typeof o, unknown[]> => !Array.isArray(o));
  const probe = { model: functionalModel({ inputs: model.inputs, outputs }), layers: chosen.map((l) => l.name) };
  probes.set(model, probe);
  return probe;
}

export interface HealthProbe {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
}

/**
 * The health of `model` on the probe batch, gradients of the run's training loss.
 */
export async function measureHealth(model: LayersModel, probe: HealthProbe, epoch: number, loss: LossName): Promise<TrainingHealth> {
  const lossFn = lossOf(loss);
  const t0 = Date.now();
  const p = probeOf(model);
  const outs = tf.tidy(() => {
    const ys = p.model.predict(probe.x);
    return Array.isArray(ys) ? ys : [ys];
  });
  const stats = await Promise.all(
    outs.map(async (t, i) => {
      const name = p.layers[i] ?? '';
      const data = await t.data();
      const channels = t.shape[t.shape.length - 1] ?? 1;
      let s = 0;
      let s2 = 0;
      const alive = new Uint8Array(channels);
      for (let k = 0; k < data.length; k++) {
        const v = data[k] ?? 0;
        s += v;
        s2 += v * v;
        if (v > 0) alive[k % channels] = 1;
      }
      const n = Math.max(1, data.length);
      const mean = s / n;
      const layer = model.getLayer(name);
      const dead = usesRelu(layer) ? alive.reduce((a, v) => a + (v === 0 ? 1 : 0), 0) / channels : null;
      return { name, mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)), dead };
    }),
  );
  tf.dispose(outs);

  const kernels = model.layers.flatMap((l) => l.trainableWeights.filter((w) => /kernel/.test(w.originalName)).map((w) => ({ layer: l.name, w })));
  const { grads } = tf.variableGrads(
    () => tf.mean<tf.Scalar>(lossFn(probe.y, single(model.apply(probe.x, { training: false })))),
    kernels.map((k) => k.w.read()).filter((v): v is tf.Variable => v instanceof tf.Variable),
  );
  const layers: LayerHealth[] = [];
  for (const st of stats) {
    const k = kernels.find((q) => q.layer === st.name);
    const value = k === undefined ? null : k.w.read();
    const weights = value === null ? null : Float32Array.from(await value.data());
    const g = value instanceof tf.Variable ? grads[value.name] : undefined;
    const gradient = g === undefined ? null : Float32Array.from(await g.data());
    layers.push({
      layer: st.name,
      activationMean: st.mean,
      activationStd: st.std,
      deadFraction: st.dead,
      weights: weights === null ? null : histogram(weights),
      gradients: gradient === null ? null : histogram(gradient),
      gradientRms: gradient === null ? null : rms(gradient),
      weightRms: weights === null ? null : rms(weights),
    });
  }
  tf.dispose(Object.values(grads));
  const health: TrainingHealth = { epoch, layers, costMs: Date.now() - t0, warnings: [] };
  return { ...health, warnings: healthWarnings(health) };
}

function single(y: tf.Tensor | tf.Tensor[] | unknown): tf.Tensor {
  const t = Array.isArray(y) ? y[0] : y;
  if (!(t instanceof tf.Tensor)) throw new Error('the model did not return a tensor');
  return t;
}

const EPS = 1e-7;

/** The training losses (as Keras defines them), per sample; labels as the trainer encodes them. */
function lossOf(loss: LossName): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  const clip = (p: tf.Tensor) => tf.clipByValue(p, EPS, 1 - EPS);
  switch (loss) {
    case 'categorical_crossentropy':
      return (y, p) => tf.neg(tf.sum(tf.mul(y, tf.log(clip(p))), -1));
    case 'sparse_categorical_crossentropy':
      return (y, p) => tf.neg(tf.sum(tf.mul(tf.oneHot(tf.cast(tf.reshape(y, [-1]), 'int32'), p.shape[p.shape.length - 1] ?? 1), tf.log(clip(p))), -1));
    case 'binary_crossentropy':
      return (y, p) => tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(clip(p))), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, clip(p))))), -1));
    case 'mse':
      return (y, p) => tf.mean(tf.square(tf.sub(y, p)), -1);
    case 'mae':
      return (y, p) => tf.mean(tf.abs(tf.sub(y, p)), -1);
  }
}
