// Where one training step goes, per tfjs kernel: `npx tsx bench/profile.bench.ts [MODEL] [BACKEND] [STEPS]`.
// Trains the chapter model (batch 200, Adam) through tfjs-layers' trainOnBatch inside tf.profile
// and prints each kernel's share of the kernel time, averaged over STEPS steps after one warm-up
// step. Kernels that run inside another (a custom-gradient op's own kernels) are counted once:
// only registered kernels of the backend are listed.
import * as tf from '@tensorflow/tfjs-core';
import { rawModel } from './rawModels';
import { backendChoiceSchema } from '../shared/api/training';
import { startBackend } from '../main/engine/backend';

const [modelId = 'keras_cnn', backendArg = 'auto', stepsArg = '3'] = process.argv.slice(2);
const parsed = backendChoiceSchema.safeParse(backendArg);
const steps = Math.max(1, Number(stepsArg));
const batch = 200;

async function main(): Promise<void> {
  const started = await startBackend(parsed.success ? parsed.data : 'auto');
  if (!started.ok) throw new Error(started.error.message);
  const backendName = tf.getBackend();
  const m = rawModel(modelId);
  const x = tf.randomUniform([batch, 28, 28, 1]);
  const y = tf.cast(tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10), 'float32');
  await m.trainOnBatch(x, y);
  const perKernel = new Map<string, { ms: number; calls: number }>();
  let wall = 0;
  for (let s = 0; s < steps; s++) {
    const t0 = performance.now();
    const info = await tf.profile(async () => {
      await m.trainOnBatch(x, y);
    });
    wall += performance.now() - t0;
    for (const k of info.kernels) {
      if (tf.getKernel(k.name, backendName) === undefined) continue;
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      const e = perKernel.get(k.name) ?? { ms: 0, calls: 0 };
      perKernel.set(k.name, { ms: e.ms + ms, calls: e.calls + 1 });
    }
  }
  const total = [...perKernel.values()].reduce((a, e) => a + e.ms, 0);
  console.log(
    `${modelId} on ${started.value.backend} (${started.value.detail}): ${(wall / steps).toFixed(0)} ms per profiled step, ${(total / steps).toFixed(0)} ms in kernels`,
  );
  for (const [name, e] of [...perKernel.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
    if (e.ms / total < 0.005) continue;
    console.log(
      `  ${name.padEnd(34)} ${(e.ms / steps).toFixed(1).padStart(8)} ms  ${((100 * e.ms) / total).toFixed(1).padStart(5)} %  ${String(e.calls / steps).padStart(4)} calls`,
    );
  }
}

void main();
