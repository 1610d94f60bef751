import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { gatherBatch, toFloat32 } from './datasets/batches';
import type { ImageSet } from './datasets/types';

/** How labels are fed for a loss: class index column (sparse, binary) or one-hot rows. */
export type Encoding = 'sparse' | 'one-hot' | 'binary';

export function labelTensor(y: Int32Array, encoding: Encoding, classes: number): tf.Tensor {
  if (encoding === 'one-hot') return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(y, 'int32'), classes), 'float32'));
  return tf.tensor2d(Float32Array.from(y), [y.length, 1]);
}

export function batchTensors(
  set: ImageSet,
  indices: ArrayLike<number>,
  sampleShape: readonly number[],
  encoding: Encoding,
  classes: number,
): { x: tf.Tensor; y: tf.Tensor } {
  const { x, y } = gatherBatch(set, indices);
  return { x: tf.tensor(x, [indices.length, ...sampleShape], 'float32'), y: labelTensor(y, encoding, classes) };
}

/** Loss and metrics (model.evaluate's order) over a whole set, in chunks, weighted by chunk size. */
export async function evaluateSet(
  model: LayersModel,
  set: ImageSet,
  sampleShape: readonly number[],
  encoding: Encoding,
  classes: number,
  chunk = 500,
): Promise<number[]> {
  const sums: number[] = [];
  for (let start = 0; start < set.count; start += chunk) {
    const end = Math.min(set.count, start + chunk);
    const x = tf.tensor(toFloat32(set, start, end), [end - start, ...sampleShape], 'float32');
    const y = labelTensor(set.labels.subarray(start, end), encoding, classes);
    const result = model.evaluate(x, y, { batchSize: end - start });
    const scalars = Array.isArray(result) ? result : [result];
    const values = await Promise.all(scalars.map(async (s) => (await s.data())[0] ?? NaN));
    tf.dispose([x, y, ...scalars]);
    values.forEach((v, i) => (sums[i] = (sums[i] ?? 0) + v * (end - start)));
  }
  return sums.map((s) => s / Math.max(1, set.count));
}
