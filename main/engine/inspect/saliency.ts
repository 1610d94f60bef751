import * as tf from '@tensorflow/tfjs-core';
import { fail, type Result } from '../../../shared/api/result';
import { model as functionalModel, type LayersModel } from '@tensorflow/tfjs-layers';
import type { Plane, SaliencyRequest, SaliencyResult } from '../../../shared/api/inspectCompute';
import { classNamesFor, inputShapeOf, type InspectContext } from './context';
import { prepareSample } from './samples';

/**
 * Where the network looks: the saliency map (Simonyan et al. 2013: |∂ score / ∂ pixel|) and
 * Grad-CAM (Selvaraju et al. 2017: ReLU(Σ_k α_k A_k), α_k the mean over the map of ∂ score / ∂ A_k)
 * for any Sequential or functional model. The score is the model's output for the class (a
 * probability after a softmax; for one sigmoid unit, p or 1 − p).
 *
 * Grad-CAM needs the gradient with respect to an inner layer's output. tfjs-layers has no handle
 * for that, so for the duration of one gradient the layer's `call` is wrapped to add an offset δ
 * (zeros) to its output: ∂ score / ∂ δ is then exactly ∂ score / ∂ A, through skip connections too.
 */

const r6 = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(6)) : 0);

function single(y: tf.Tensor | tf.Tensor[] | unknown): tf.Tensor {
  const t = Array.isArray(y) ? y[0] : y;
  if (!(t instanceof tf.Tensor)) throw new Error('the model did not return a tensor');
  return t;
}

/** The class score from the model's output row (batch 1). */
function scoreOf(out: tf.Tensor, classIndex: number): tf.Scalar {
  const units = out.shape[out.shape.length - 1] ?? 1;
  const flat = tf.reshape(out, [units]);
  if (units === 1) return classIndex === 1 ? tf.squeeze(flat) : tf.sub(1, tf.squeeze(flat));
  return tf.squeeze(tf.slice(flat, [classIndex], [1]));
}

/**
 * score(x, δ): the class score with δ added to `layer`'s output. Exported for the finite-difference
 * test, which checks the gradient against forward passes through this same function.
 */
export function scoreWithOffset(model: LayersModel, layerName: string | null, x: tf.Tensor, classIndex: number, delta: tf.Tensor | null): tf.Scalar {
  if (layerName === null || delta === null) return scoreOf(single(model.apply(x, { training: false })), classIndex);
  const layer = model.getLayer(layerName);
  // The loader may already have wrapped this layer's call (frozen or γ-less BatchNormalization): put that back, not the prototype's.
  const own = Object.getOwnPropertyDescriptor(layer, 'call');
  const original = layer.call.bind(layer);
  Reflect.set(layer, 'call', (inputs: tf.Tensor | tf.Tensor[], kwargs: Parameters<typeof original>[1]) => tf.add(single(original(inputs, kwargs)), delta));
  try {
    return scoreOf(single(model.apply(x, { training: false })), classIndex);
  } finally {
    if (own === undefined) Reflect.deleteProperty(layer, 'call');
    else Object.defineProperty(layer, 'call', own);
  }
}

/** Layers whose output is an image-like 4-D tensor (Grad-CAM candidates), input to output. */
export function camLayers(model: LayersModel): string[] {
  return model.layers
    .filter((l) => l.getClassName() !== 'InputLayer')
    .filter((l) => {
      try {
        const o = l.output;
        return !Array.isArray(o) && o.shape.length === 4;
      } catch {
        return false;
      }
    })
    .map((l) => l.name);
}

function defaultCamLayer(model: LayersModel, names: readonly string[]): string | null {
  const convs = names.filter((n) => /Conv/.test(model.getLayer(n).getClassName()));
  return convs[convs.length - 1] ?? names[names.length - 1] ?? null;
}

function planeFrom(values: Float32Array, h: number, w: number): Plane {
  return { width: w, height: h, data: Array.from(values, r6) };
}

export async function saliency(ctx: InspectContext, req: SaliencyRequest): Promise<Result<SaliencyResult>> {
  const sample = await prepareSample(ctx, req.sample);
  if (!sample.ok) return sample;
  const model = ctx.model;
  const shape = inputShapeOf(model);
  const x = tf.tensor(sample.value.x, [1, ...shape], 'float32');
  try {
    const probs = Array.from(await tf.tidy(() => tf.reshape(single(model.predict(x)), [-1])).data());
    const units = probs.length;
    const probabilities = units === 1 ? [1 - (probs[0] ?? 0), probs[0] ?? 0] : probs;
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    const classIndex = req.classIndex ?? predicted;
    if (classIndex >= probabilities.length) return fail('bad-class', `Class ${classIndex} does not exist; the model has ${probabilities.length} classes.`);

    const grad = tf.grad((inp: tf.Tensor) => scoreWithOffset(model, null, inp, classIndex, null))(x);
    const [h = 1, w = 1, c = 1] = shape.length === 3 ? shape : shape.length === 2 ? [shape[0], shape[1], 1] : [1, shape[0], 1];
    const sal = tf.tidy(() => tf.max(tf.abs(tf.reshape(grad, [h, w, c])), -1));
    const saliencyPlane = planeFrom(Float32Array.from(await sal.data()), h, w);
    tf.dispose([grad, sal]);

    const names = camLayers(model);
    const camName = req.layer ?? defaultCamLayer(model, names);
    if (camName !== null && !names.includes(camName))
      return fail('bad-layer', `Grad-CAM needs a layer with feature maps; '${camName}' has none. Pick one of: ${names.slice(-5).join(', ')}.`);
    let gradCam: Plane | null = null;
    if (camName !== null) gradCam = await gradCamOf(model, camName, x, classIndex);
    return {
      ok: true,
      value: {
        classIndex,
        predicted,
        probabilities: probabilities.map(r6),
        classNames: classNamesFor(ctx),
        saliency: saliencyPlane,
        gradCam,
        gradCamLayer: camName,
        camLayers: names,
      },
    };
  } finally {
    x.dispose();
  }
}

async function gradCamOf(model: LayersModel, layerName: string, x: tf.Tensor, classIndex: number): Promise<Plane> {
  const out = model.getLayer(layerName).output;
  if (Array.isArray(out)) throw new Error(`layer ${layerName} has several outputs`);
  const probe = functionalModel({ inputs: model.inputs, outputs: out });
  const a = single(probe.predict(x));
  const [, h = 1, w = 1, k = 1] = a.shape;
  const zeros = tf.zerosLike(a);
  const g = tf.grad((d: tf.Tensor) => scoreWithOffset(model, layerName, x, classIndex, d))(zeros);
  const cam = tf.tidy(() => {
    const alpha = tf.mean(g, [0, 1, 2]); // [k]
    return tf.relu(tf.sum(tf.mul(tf.reshape(a, [h, w, k]), alpha), -1));
  });
  const values = Float32Array.from(await cam.data());
  tf.dispose([a, zeros, g, cam]);
  return planeFrom(values, h, w);
}
