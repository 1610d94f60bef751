import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import type { Graph } from '../../shared/graph/types';
import type { Metric, Optimizer, TrainingSettings } from '../../shared/project';
import { tfjsModelFromGraph } from './export/load';

/**
 * Graph -> the project's own TF.js topology export (shared/keras) -> tfjs-layers model ->
 * compiled with the project's training settings. Keras's default hyper-parameters where tfjs's
 * differ (RMSprop rho 0.9, Adagrad initial accumulator 0.1, Adadelta rho 0.95, epsilon 1e-7).
 */

const EPSILON = 1e-7;

export function makeOptimizer(optimizer: Optimizer, lr: number): tf.Optimizer {
  switch (optimizer.kind) {
    case 'sgd':
      return optimizer.momentum > 0 || optimizer.nesterov ? tf.train.momentum(lr, optimizer.momentum, optimizer.nesterov) : tf.train.sgd(lr);
    case 'adam':
      return tf.train.adam(lr, 0.9, 0.999, EPSILON);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, 0, EPSILON);
    case 'adagrad':
      return tf.train.adagrad(lr, 0.1);
    case 'adadelta':
      return tf.train.adadelta(lr, 0.95, EPSILON);
    case 'adamax':
      return tf.train.adamax(lr, 0.9, 0.999, EPSILON);
  }
}

/** Changes a live optimizer's learning rate (LR schedules) without losing its slots. */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  // SGD and Momentum step with a scalar made from the rate when it is set, so they need their
  // own setter; the others keep the rate in a protected field that every applyGradients reads.
  if (isSgd(optimizer)) optimizer.setLearningRate(lr);
  else Reflect.set(optimizer, 'learningRate', lr);
}

// By class name: tfjs's optimizers answer `instanceof` by shape, so every one passes for SGD.
function isSgd(optimizer: tf.Optimizer): optimizer is tf.SGDOptimizer {
  const name = optimizer.getClassName();
  return name === 'SGD' || name === 'Momentum';
}

// Lives with the host's preflight check (no tfjs there); re-exported for the trainer.
export { optimizerSlots } from './preflight';

const tfjsLoss = {
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
} as const;

/** Keras's top_k_accuracy: the true class is among the k highest scores. Labels one-hot (or a single sparse index column). */
export function topKAccuracy(k: number, sparse: boolean): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  const fn = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor =>
    tf.tidy(() => {
      const classes = yPred.shape[yPred.shape.length - 1] ?? 1;
      const oneHot = sparse ? tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), classes) : yTrue;
      const trueScore = tf.sum(tf.mul(yPred, oneHot), -1, true);
      const above = tf.sum(tf.cast(tf.greater(yPred, trueScore), 'float32'), -1);
      return tf.cast(tf.less(above, k), 'float32');
    });
  Object.defineProperty(fn, 'name', { value: k === 5 ? 'top_k_accuracy' : `top_${k}_accuracy` });
  return fn;
}

/** The names the logs carry for the metrics, in order (Keras's names). */
export function metricNames(metrics: readonly Metric[]): string[] {
  return metrics.map((m) => (m.kind === 'accuracy' ? 'accuracy' : m.k === 5 ? 'top_k_accuracy' : `top_${m.k}_accuracy`));
}

/** A compiled model and the optimizer it trains with, or why the graph does not make one. */
export type BuiltModel = Outcome<{ readonly model: LayersModel; readonly optimizer: tf.Optimizer }>;

export async function buildModel(graph: Graph, training: TrainingSettings): Promise<BuiltModel> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) return built;
  const optimizer = makeOptimizer(training.optimizer, training.learningRate);
  const sparse = training.loss === 'sparse_categorical_crossentropy';
  const metrics = training.metrics.map((m) => (m.kind === 'accuracy' ? 'accuracy' : topKAccuracy(m.k, sparse)));
  try {
    built.value.compile({ optimizer, loss: tfjsLoss[training.loss], metrics });
  } catch (e) {
    return failure(`TensorFlow.js could not compile the model: ${e instanceof Error ? e.message : String(e)}`);
  }
  return success({ model: built.value, optimizer });
}
