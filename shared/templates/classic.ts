import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';

/**
 * LeNet-5 for MNIST, the common Keras rendering of LeCun et al. (1998): tanh activations and
 * average pooling as in the paper, the 28x28 digit padded 'same' in C1 in place of the paper's
 * 32x32 input, so C3 still sees 14x14 and the rest keeps the paper's sizes (61,706 parameters).
 */
export function buildLeNet5(): Graph {
  const b = new GraphBuilder('lenet5', 'Sequential');
  b.chain(b.input([28, 28, 1]), [
    ['Conv2D', { filters: 6, kernel_size: [5, 5], padding: 'same', activation: 'tanh' }],
    ['AveragePooling2D', { pool_size: [2, 2], strides: [2, 2] }],
    ['Conv2D', { filters: 16, kernel_size: [5, 5], activation: 'tanh' }],
    ['AveragePooling2D', { pool_size: [2, 2], strides: [2, 2] }],
    ['Flatten', {}],
    ['Dense', { units: 120, activation: 'tanh' }],
    ['Dense', { units: 84, activation: 'tanh' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  return b.build();
}

/**
 * A small ResNet-style net for MNIST: a stem convolution, one residual block (conv-BN-ReLU-conv-BN
 * added to its input, then ReLU), pooling and a softmax classifier (81,802 parameters).
 */
export function buildResidualBlock(): Graph {
  const b = new GraphBuilder('residual_block', 'Functional');
  const stem = b.layer('Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same', activation: 'relu' }, b.input([28, 28, 1]));
  const body = b.chain(stem, [
    ['Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same' }],
    ['BatchNormalization', {}],
    ['Activation', { activation: 'relu' }],
    ['Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same' }],
    ['BatchNormalization', {}],
  ]);
  b.chain(b.layer('Add', {}, [stem, body]), [
    ['Activation', { activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }],
    ['Flatten', {}],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  return b.build();
}

/**
 * GoogLeNet's inception module 3a (Szegedy et al. 2014) on a 28x28x192 feature map: 1x1, 3x3
 * and 5x5 branches (with 1x1 reductions) and a pooling branch, concatenated (163,696 parameters).
 * Layer creation order follows the hand-built Keras example (tests/fixtures/keras/inception_module.keras3.json).
 */
export function buildInceptionModule(): Graph {
  const b = new GraphBuilder('inception_module', 'Functional');
  const conv = (filters: number, k: number) => ({ filters, kernel_size: [k, k], padding: 'same', activation: 'relu' });
  const x = b.input([28, 28, 192], 'features');
  const r3 = b.layer('Conv2D', conv(96, 1), x, 'b3x3_reduce');
  const r5 = b.layer('Conv2D', conv(16, 1), x, 'b5x5_reduce');
  const pool = b.layer('MaxPooling2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, x, 'pool');
  const b1 = b.layer('Conv2D', conv(64, 1), x, 'b1x1');
  const b3 = b.layer('Conv2D', conv(128, 3), r3, 'b3x3');
  const b5 = b.layer('Conv2D', conv(32, 5), r5, 'b5x5');
  const proj = b.layer('Conv2D', conv(32, 1), pool, 'pool_proj');
  b.layer('Concatenate', { axis: -1 }, [b1, b3, b5, proj], 'concat');
  return b.build();
}
