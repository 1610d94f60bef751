// The chapter's three models written directly with the tfjs-layers API (batch 200, Adam 0.001):
// the "raw tfjs" side of the benchmarks, shared by training.bench.ts and profile.bench.ts.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export function rawModel(id: string): tfl.Sequential {
  const m = tfl.sequential();
  if (id === 'keras_cnn') {
    m.add(tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }));
    m.add(tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }));
    m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tfl.layers.dropout({ rate: 0.25 }));
    m.add(tfl.layers.flatten());
    m.add(tfl.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tfl.layers.dropout({ rate: 0.5 }));
  } else if (id === 'cnn_64_5x5') {
    m.add(tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 5, activation: 'relu' }));
    m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tfl.layers.flatten());
    m.add(tfl.layers.dense({ units: 100, activation: 'relu' }));
  } else {
    m.add(tfl.layers.flatten({ inputShape: [28, 28, 1] }));
    m.add(tfl.layers.dense({ units: 200, activation: 'relu' }));
    m.add(tfl.layers.dropout({ rate: 0.15 }));
    m.add(tfl.layers.dense({ units: 200, activation: 'relu' }));
  }
  m.add(tfl.layers.dense({ units: 10, activation: 'softmax' }));
  m.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}
