import * as tf from '@tensorflow/tfjs-core';
import { fail, type Result } from '../../../shared/api/result';
import type { EvaluateRequest, EvaluateResult, Mistake, PredictRequest, PredictResult } from '../../../shared/api/inspect';
import { sampleSize, toFloat32 } from '../datasets/batches';
import type { LossName } from '../datasets/mismatch';
import { classNamesFor, inputShapeOf, outputUnitsOf, round6, type InspectContext } from './context';
import { regularizationPenalty } from './penalty';
import { imageOf, prepareSample } from './samples';

const EPSILON = 1e-7; // Keras's backend epsilon: probabilities are clipped to [ε, 1 − ε] in crossentropy

/** Runs the model on n samples of x (normalised, Input layout) in batches; returns probabilities [n × units]. */
export async function predictBatches(
  ctx: InspectContext,
  x: (start: number, end: number) => Float32Array,
  n: number,
  batchSize: number,
  onBatch?: (done: number) => void,
): Promise<Float32Array> {
  const shape = inputShapeOf(ctx.model);
  const units = outputUnitsOf(ctx.model);
  const out = new Float32Array(n * units);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const y = tf.tidy(() => {
      const input = tf.tensor(x(start, end), [end - start, ...shape], 'float32');
      const pred = ctx.model.predict(input);
      return Array.isArray(pred) ? (pred[0] ?? tf.zeros([end - start, units])) : pred;
    });
    out.set(await y.data(), start * units);
    y.dispose();
    onBatch?.(end);
  }
  return out;
}

/** One sample's loss, as Keras computes it from probabilities (without regularisation penalties). */
export function sampleLoss(loss: LossName, probs: Float32Array | readonly number[], label: number): number {
  const clip = (p: number) => Math.min(1 - EPSILON, Math.max(EPSILON, p));
  if (loss === 'binary_crossentropy') {
    const p = clip(probs[0] ?? 0);
    return -(label * Math.log(p) + (1 - label) * Math.log(1 - p));
  }
  if (loss === 'mse' || loss === 'mae') {
    let s = 0;
    for (let k = 0; k < probs.length; k++) {
      const d = (k === label ? 1 : 0) - (probs[k] ?? 0);
      s += loss === 'mse' ? d * d : Math.abs(d);
    }
    return s / Math.max(1, probs.length);
  }
  let sum = 0;
  for (let k = 0; k < probs.length; k++) sum += probs[k] ?? 0;
  return -Math.log(clip((probs[label] ?? 0) / (sum > 0 ? sum : 1)));
}

function argmax(probs: Float32Array): number {
  if (probs.length === 1) return (probs[0] ?? 0) > 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < probs.length; k++) if ((probs[k] ?? 0) > (probs[best] ?? 0)) best = k;
  return best;
}

/** Probabilities per class: one sigmoid output becomes [1 − p, p]. */
function classProbabilities(probs: Float32Array): number[] {
  return probs.length === 1 ? [round6(1 - (probs[0] ?? 0)), round6(probs[0] ?? 0)] : Array.from(probs, round6);
}

export function defaultLoss(ctx: InspectContext): LossName {
  return ctx.loss ?? (outputUnitsOf(ctx.model) === 1 ? 'binary_crossentropy' : 'categorical_crossentropy');
}

/** Loss, accuracy, confusion matrix, per-class accuracy and the worst mistakes on the held-out data. */
export async function evaluate(ctx: InspectContext, req: EvaluateRequest, onProgress?: (done: number, total: number) => void): Promise<Result<EvaluateResult>> {
  const held = ctx.heldOut;
  if (held === null) return fail('no-dataset', 'No test data is loaded; choose a dataset first.');
  const shape = inputShapeOf(ctx.model);
  const size = sampleSize(held);
  if (shape.reduce((a, b) => a * b, 1) !== size) {
    return fail('shape-mismatch', `The test images are ${held.imageShape.join('×')} but the model's Input is ${shape.join('×')}; change the Input block.`);
  }
  const n = Math.min(held.count, req.limit ?? held.count);
  const units = outputUnitsOf(ctx.model);
  const classNames = classNamesFor(ctx);
  const classes = classNames.length;
  const probs = await predictBatches(
    ctx,
    (s, e) => toFloat32(held, s, e),
    n,
    req.batchSize,
    (done) => onProgress?.(done, n),
  );
  const loss = defaultLoss(ctx);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const labels: number[] = [];
  const predicted: number[] = [];
  // "Wrong with the most confidence": ranked by the probability of the (wrong) answer given,
  // highest first — ranking by the lowest probability of the true class answered another question.
  const mistakes: { index: number; confidence: number }[] = [];
  let lossSum = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const p = probs.subarray(i * units, (i + 1) * units);
    const label = held.labels[i] ?? 0;
    const guess = argmax(p);
    lossSum += sampleLoss(loss, p, label);
    labels.push(label);
    predicted.push(guess);
    const row = confusion[label];
    if (row) row[guess] = (row[guess] ?? 0) + 1;
    if (guess === label) correct++;
    else mistakes.push({ index: i, confidence: units === 1 ? Math.max(p[0] ?? 0, 1 - (p[0] ?? 0)) : (p[guess] ?? 0) });
  }
  mistakes.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const worst: Mistake[] = mistakes.slice(0, req.worst).map(({ index }) => ({
    index,
    label: labels[index] ?? 0,
    predicted: predicted[index] ?? 0,
    probabilities: classProbabilities(probs.subarray(index * units, (index + 1) * units)),
    image: imageOf(held.pixels.subarray(index * size, (index + 1) * size), held.imageShape),
  }));
  return {
    ok: true,
    value: {
      loss: round6((n > 0 ? lossSum / n : 0) + (ctx.graph ? regularizationPenalty(ctx.model, ctx.graph) : 0)),
      accuracy: round6(n > 0 ? correct / n : 0),
      count: n,
      classNames,
      confusion,
      perClassAccuracy: confusion.map((row, k) => {
        const total = row.reduce((a, b) => a + b, 0);
        return total === 0 ? null : round6((row[k] ?? 0) / total);
      }),
      worst,
      labels,
      predicted,
    },
  };
}

/** Class probabilities for one sample. */
export async function predict(ctx: InspectContext, req: PredictRequest): Promise<Result<PredictResult>> {
  const sample = await prepareSample(ctx, req.sample);
  if (!sample.ok) return sample;
  const probs = await predictBatches(ctx, () => sample.value.x, 1, 1);
  return {
    ok: true,
    value: {
      probabilities: classProbabilities(probs),
      predicted: argmax(probs),
      classNames: classNamesFor(ctx),
      label: sample.value.label,
      image: sample.value.image,
    },
  };
}
