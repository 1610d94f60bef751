// The SIMD128 wasm tier alone on the Keras CNN's batch-200 shapes, with GFLOP/s both per wall
// second and per CPU second (process.cpuUsage over all threads), so numbers stay comparable on a
// machine other jobs are loading. Copies in and out of the tier's shared memory are included.
//   npx tsx bench/simdKernels.bench.ts [THREADS] [REPEATS]     (best of REPEATS, default 5)
import { startSimdTier } from '../main/engine/kernels/simdTier';
import { pool2x2, squareConv } from './geometry';

const threads = Math.max(1, Number(process.argv[2] ?? 2));
const repeats = Math.max(1, Number(process.argv[3] ?? 5));

const values = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => ((i * 2654435761) % 1000) / 1000 - 0.5);

async function main(): Promise<void> {
  const started = await startSimdTier(threads);
  if (!started.ok) throw new Error(started.error.message);
  const t = started.value;
  const b = 200,
    g1 = squareConv(b, 28, 1, 3, 32),
    g2 = squareConv(b, 26, 32, 3, 64),
    pool = pool2x2(b, 24, 64);
  const x1 = values(b * 28 * 28),
    w1 = values(9 * 32),
    y1 = new Float32Array(b * 26 * 26 * 32);
  const x2 = values(b * 26 * 26 * 32),
    w2 = values(288 * 64),
    y2 = new Float32Array(b * 24 * 24 * 64);
  const dy2 = values(y2.length),
    dx2 = new Float32Array(x2.length),
    dw2 = new Float32Array(w2.length),
    big = new Float32Array(y2.length);
  const xd = values(b * 9216),
    wd = values(9216 * 128),
    yd = new Float32Array(b * 128),
    dyd = values(b * 128);
  const yp = new Float32Array(b * 12 * 12 * 64),
    dyp = values(yp.length);
  const mm = (m: number, k: number, n: number, transA: boolean, transB: boolean) => ({ batch: 1, aBatch: 1, bBatch: 1, m, k, n, transA, transB });
  const conv2 = 2 * b * 576 * 288 * 64,
    dense = 2 * b * 9216 * 128;
  const cases: [string, number, () => void][] = [
    ['conv1 forward + bias + relu', 2 * b * 676 * 9 * 32, () => t.conv2d(g1, x1, w1, w1.subarray(0, 32), 'relu', y1)],
    ['conv1 backprop filter', 2 * b * 676 * 9 * 32, () => t.conv2dBackpropFilter(g1, x1, y1, new Float32Array(9 * 32))],
    ['conv2 forward + bias + relu', conv2, () => t.conv2d(g2, x2, w2, w2.subarray(0, 64), 'relu', y2)],
    ['conv2 backprop input', conv2, () => t.conv2dBackpropInput(g2, dy2, w2, dx2)],
    ['conv2 backprop filter', conv2, () => t.conv2dBackpropFilter(g2, x2, dy2, dw2)],
    ['dense 9216x128 forward', dense, () => t.matMul(mm(b, 9216, 128, false, false), xd, wd, null, 'relu', yd)],
    ['dense dW = xT dy', dense, () => t.matMul(mm(9216, b, 128, true, false), xd, dyd, null, 'linear', new Float32Array(9216 * 128))],
    ['dense dx = dy WT', dense, () => t.matMul(mm(b, 128, 9216, false, true), dyd, wd, null, 'linear', new Float32Array(b * 9216))],
    ['maxPool 2x2', 0, () => t.maxPool(pool, y2, yp)],
    ['maxPoolGrad 2x2', 0, () => t.maxPoolGrad(pool, y2, dyp, big)],
    ['sumRows 115200x64', 0, () => t.sumRows(dy2, b * 576, 64, new Float32Array(64))],
    ['reluGrad 7.4M', 0, () => t.reluGrad(dy2, y2, big)],
  ];
  console.log(t.detail);
  for (const [name, flops, run] of cases) {
    run();
    let wall = Infinity,
      cpu = Infinity;
    for (let r = 0; r < repeats; r++) {
      const c0 = process.cpuUsage(),
        w0 = performance.now();
      run();
      wall = Math.min(wall, performance.now() - w0);
      const c = process.cpuUsage(c0);
      cpu = Math.min(cpu, (c.user + c.system) / 1000);
    }
    const rate = flops > 0 ? `  ${(flops / wall / 1e6).toFixed(1).padStart(5)} GFLOP/s, ${(flops / cpu / 1e6).toFixed(1).padStart(5)} per CPU-s` : '';
    console.log(`  ${name.padEnd(28)} ${wall.toFixed(1).padStart(7)} ms wall ${cpu.toFixed(1).padStart(7)} ms CPU${rate}`);
  }
  await t.dispose();
}
void main();
