// Training throughput of one chapter model on one backend: Blockprop's engine (graph -> Keras
// export -> tfjs model -> the trainer's own loop, everything a real run does per batch) against
// the same model written directly with the tfjs-layers API and trained with model.fit on the same
// data, backend and process. Rounds alternate so machine noise hits both alike; the best round
// of each counts. Run through bench/run.mjs, or: npx tsx bench/training.bench.ts MODEL BACKEND BATCHES
import * as tf from '@tensorflow/tfjs-core';
import { rawModel } from './rawModels';
import { backendChoiceSchema, type TrainEvent } from '../shared/api/training';
import { defaultTraining } from '../shared/project';
import { getTemplate } from '../shared/templates';
import { startBackend } from '../main/engine/backend';
import { loadDataset } from '../main/engine/datasets/loadDataset';
import { toFloat32 } from '../main/engine/datasets/batches';
import { runTraining } from '../main/engine/trainer';

const [modelId = 'keras_cnn', backendArg = 'wasm', batchesArg = '10', roundsArg = '2'] = process.argv.slice(2);
const parsedBackend = backendChoiceSchema.safeParse(backendArg);
const backend = parsedBackend.success ? parsedBackend.data : 'wasm';
const batches = Math.max(2, Number(batchesArg));
const rounds = Math.max(1, Number(roundsArg));
const batchSize = 200;

async function blockprop(trainBatches = batches): Promise<number> {
  const template = getTemplate(modelId);
  if (!template) throw new Error(`unknown model ${modelId}`);
  let sps = NaN;
  const events: TrainEvent[] = [];
  await runTraining(
    // Validation on a tiny test set: only the training batches are timed (samples_per_second).
    {
      graph: template.build(),
      training: { ...defaultTraining, epochs: 1, batchSize },
      dataset: { kind: 'mnist' },
      backend,
      limit: { train: trainBatches * batchSize, test: 1 },
    },
    (e) => {
      events.push(e);
      if (e.event === 'done') sps = e.samplesPerSecond;
    },
    { shouldStop: () => false },
  );
  const error = events.find((e) => e.event === 'error');
  if (error && error.event === 'error') throw new Error(error.message);
  return sps;
}

async function raw(x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const model = rawModel(modelId);
  const t0 = performance.now();
  await model.fit(x, y, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
  const sps = (batches * batchSize) / ((performance.now() - t0) / 1000);
  model.dispose();
  return sps;
}

async function main(): Promise<void> {
  const started = await startBackend(backend);
  if (!started.ok) {
    console.log(JSON.stringify({ model: modelId, backend, error: started.error.message }));
    return;
  }
  const data = await loadDataset({ kind: 'mnist' }, { inputShape: [28, 28, 1], limit: { train: batches * batchSize, test: 1 } });
  if (!data.ok) throw new Error(data.error.message);
  const train = data.value.train;
  const x = tf.tensor(toFloat32(train), [train.count, 28, 28, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10), 'float32'));
  // Warm-up, not timed: the first steps compile kernels and grow the wasm heap.
  await blockprop(1);
  const warm = rawModel(modelId);
  await warm.fit(tf.slice(x, 0, batchSize), tf.slice(y, 0, batchSize), { batchSize, epochs: 1, verbose: 0 });
  warm.dispose();
  let best = 0;
  let bestRaw = 0;
  for (let r = 0; r < rounds; r++) {
    best = Math.max(best, await blockprop());
    bestRaw = Math.max(bestRaw, await raw(x, y));
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      model: modelId,
      backend: started.value.backend,
      detail: started.value.detail,
      samples_per_second: Math.round(best * 10) / 10,
      raw_tfjs_samples_per_second: Math.round(bestRaw * 10) / 10,
      peak_rss_mb: Math.round(peak),
    }),
  );
}

void main();
