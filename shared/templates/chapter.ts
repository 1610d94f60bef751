import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';
import { buildVgg } from './vgg';

/*
 * The chapter's own models ("Deep Learning Models in Image Processing", the course text Blockprop follows),
 * written as Keras 3 builds them: a Sequential with an explicit InputLayer, layer names from a
 * fresh session (conv2d, conv2d_1, …; the chapter's Keras 2 printed conv2d_1, conv2d_2, …).
 */

/**
 * The chapter's TensorFlow net (784 -> 1024 ReLU -> 10 softmax, L2 on both weight matrices) as
 * Keras layers. The chapter's code uses lambda = 0.05 with tf.nn.l2_loss (sum(w^2) / 2), i.e.
 * Keras's L2(0.025); its prose says lambda = 1, but its printed losses fit 0.05.
 */
export const fcTfL2 = 0.025;

export function buildFcTfMnist(): Graph {
  const l2 = { class_name: 'L2', config: { l2: fcTfL2 } };
  const b = new GraphBuilder('fc_tf_mnist', 'Sequential');
  b.chain(b.input([784]), [
    ['Dense', { units: 1024, activation: 'relu', kernel_regularizer: l2 }],
    ['Dense', { units: 10, activation: 'softmax', kernel_regularizer: l2 }],
  ]);
  return b.build();
}

/** "Classification of MNIST using Convolutional neural network with Keras": 1,199,882 parameters. */
export function buildKerasCnn(): Graph {
  const b = new GraphBuilder('keras_cnn', 'Sequential');
  b.chain(b.input([28, 28, 1]), [
    ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
    ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }],
    ['Dropout', { rate: 0.25 }],
    ['Flatten', {}],
    ['Dense', { units: 128, activation: 'relu' }],
    ['Dropout', { rate: 0.5 }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  return b.build();
}

/** "Classification of MNIST using Convolutional network with Keras": 924,374 parameters. */
export function buildCnn64x5(): Graph {
  const b = new GraphBuilder('cnn_64_5x5', 'Sequential');
  b.chain(b.input([28, 28, 1]), [
    ['Conv2D', { filters: 64, kernel_size: [5, 5], strides: [1, 1], activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }],
    ['Flatten', {}],
    ['Dense', { units: 100, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  return b.build();
}

/** "Classification of MNIST using FC network with Keras": 199,210 parameters. */
export function buildFc200x200(): Graph {
  const b = new GraphBuilder('fc_200_200', 'Sequential');
  b.chain(b.input([28, 28, 1]), [
    ['Flatten', {}],
    ['Dense', { units: 200, activation: 'relu' }],
    ['Dropout', { rate: 0.15 }],
    ['Dense', { units: 200, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  return b.build();
}

/** "Classifying Cat/Dog images using VGG-16": VGG16(weights=None, input_shape=(50, 50, 3), classes=2). */
export function buildVgg16CatsDogs(): Graph {
  return buildVgg(16, { name: 'vgg16_cats_dogs', inputShape: [50, 50, 3], classes: 2 });
}
