import { buildChain } from '../graph/fromSpec';

/** The chapter's Keras CNN (1,199,882 parameters), as the inference and summary tests build it. */
export const kerasCnn = buildChain('seed_keras_cnn', [
  { name: 'input_layer', kind: 'InputLayer', params: { batch_shape: [null, 28, 28, 1] } },
  { name: 'conv2d', kind: 'Conv2D', params: { filters: 32, kernel_size: [3, 3], activation: 'relu' } },
  { name: 'conv2d_1', kind: 'Conv2D', params: { filters: 64, kernel_size: [3, 3], activation: 'relu' } },
  { name: 'max_pooling2d', kind: 'MaxPooling2D', params: { pool_size: [2, 2] } },
  { name: 'dropout', kind: 'Dropout', params: { rate: 0.25 } },
  { name: 'flatten', kind: 'Flatten' },
  { name: 'dense', kind: 'Dense', params: { units: 128, activation: 'relu' } },
  { name: 'dropout_1', kind: 'Dropout', params: { rate: 0.5 } },
  { name: 'dense_1', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);
