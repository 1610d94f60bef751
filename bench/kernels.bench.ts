// GFLOP/s of every kernel tier on the Keras CNN's training shapes (batch 200): the native tier with
// each GEMM it has (BLAS when linked, the built-in one) and the SIMD128 wasm tier. Each kernel is
// timed in interleaved rounds (machine noise hits every tier alike); the best round counts. Beside
// wall-clock GFLOP/s it prints GFLOP per CPU second (all threads' time: per-core efficiency), which
// stays comparable on a machine busy with other work.
//   npx tsx bench/kernels.bench.ts [--rounds N] [--json]
// Threads: BLOCKPROP_THREADS; OpenBLAS's own: OPENBLAS_NUM_THREADS (both default to the cores).
import { loadTier } from '../main/engine/kernels/tiers';
import { nativeAddon, setNativeGemm } from '../main/engine/kernels/nativeTier';
import type { ConvGeometry, KernelTier } from '../main/engine/kernels/tier';
import { pool2x2, squareConv } from './geometry';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const roundsAt = argv.indexOf('--rounds');
const rounds = Math.max(1, Number(roundsAt >= 0 ? argv[roundsAt + 1] : 3));

function random(n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.random() - 0.5;
  return a;
}

const size = (g: ConvGeometry, side: 'in' | 'out'): number => g.batch * (side === 'in' ? g.inH * g.inW * g.inC : g.outH * g.outW * g.outC);
const convFlops = (g: ConvGeometry): number => 2 * g.batch * g.outH * g.outW * g.kH * g.kW * g.inC * g.outC;

interface Case {
  readonly name: string;
  /** Floating-point operations per call (for pools and elementwise: elements touched). */
  readonly flops: number;
  readonly run: (t: KernelTier) => void;
}

const conv1 = squareConv(200, 28, 1, 3, 32);
const conv2 = squareConv(200, 26, 32, 3, 64);
const pool2 = pool2x2(200, 24, 64);
function convCases(label: string, g: ConvGeometry): Case[] {
  const x = random(size(g, 'in')),
    w = random(g.kH * g.kW * g.inC * g.outC),
    bias = random(g.outC),
    dy = random(size(g, 'out'));
  const out = new Float32Array(size(g, 'out')),
    dx = new Float32Array(size(g, 'in')),
    dw = new Float32Array(w.length);
  const flops = convFlops(g);
  return [
    { name: `${label} forward (+bias, relu)`, flops, run: (t) => t.conv2d(g, x, w, bias, 'relu', out) },
    { name: `${label} input gradient`, flops, run: (t) => t.conv2dBackpropInput(g, dy, w, dx) },
    { name: `${label} filter gradient`, flops, run: (t) => t.conv2dBackpropFilter(g, x, dy, dw) },
  ];
}
function denseCases(): Case[] {
  const m = 200,
    k = 9216,
    n = 128;
  const x = random(m * k),
    w = random(k * n),
    bias = random(n),
    dy = random(m * n);
  const out = new Float32Array(m * n),
    dx = new Float32Array(m * k),
    dw = new Float32Array(k * n);
  const flops = 2 * m * k * n;
  return [
    {
      name: 'dense 9216→128 forward',
      flops,
      run: (t) => t.matMul({ batch: 1, aBatch: 1, bBatch: 1, m, k, n, transA: false, transB: false }, x, w, bias, 'relu', out),
    },
    {
      name: 'dense input gradient (dy·Wᵀ)',
      flops,
      run: (t) => t.matMul({ batch: 1, aBatch: 1, bBatch: 1, m, k: n, n: k, transA: false, transB: true }, dy, w, null, 'linear', dx),
    },
    {
      name: 'dense weight gradient (xᵀ·dy)',
      flops,
      run: (t) => t.matMul({ batch: 1, aBatch: 1, bBatch: 1, m: k, k: m, n, transA: true, transB: false }, x, dy, null, 'linear', dw),
    },
  ];
}
function loopCases(): Case[] {
  const x = random(size(pool2, 'in')),
    dy = random(size(pool2, 'out'));
  const out = new Float32Array(size(pool2, 'out')),
    dx = new Float32Array(size(pool2, 'in'));
  const n = size(pool2, 'in'),
    y = random(n),
    g = random(n),
    r = new Float32Array(n),
    sums = new Float32Array(64);
  return [
    { name: 'maxPool 2×2 (Gelem/s)', flops: n, run: (t) => t.maxPool(pool2, x, out) },
    { name: 'maxPoolGrad 2×2 (Gelem/s)', flops: n, run: (t) => t.maxPoolGrad(pool2, x, dy, dx) },
    { name: 'reluGrad (Gelem/s)', flops: n, run: (t) => t.reluGrad(g, y, r) },
    { name: 'sumRows 115200×64 (Gelem/s)', flops: n, run: (t) => t.sumRows(g, n / 64, 64, sums) },
  ];
}

interface Variant {
  readonly label: string;
  readonly tier: KernelTier;
  readonly before: () => void;
}

async function variants(): Promise<{ list: Variant[]; notes: string[]; dispose: () => Promise<void> }> {
  const list: Variant[] = [];
  const notes: string[] = [];
  let dispose = async (): Promise<void> => {};
  const native = await loadTier('native');
  if (native.ok) {
    const raw = nativeAddon();
    const info = raw.ok ? raw.value.addon.info() : null;
    if (info?.blas != null) list.push({ label: `native ${info.blas}`, tier: native.value, before: () => setNativeGemm('blas') });
    list.push({ label: `native built-in ${info?.isa ?? ''} GEMM`, tier: native.value, before: () => setNativeGemm('own') });
  } else notes.push(`native: ${native.error.message}`);
  const simd = await loadTier('simd');
  if (simd.ok) {
    list.push({ label: `simd (${simd.value.threads} threads)`, tier: simd.value, before: () => {} });
    const stop: unknown = Reflect.get(simd.value, 'dispose');
    if (typeof stop === 'function') dispose = async () => void (await Promise.resolve(stop.call(simd.value)));
  } else notes.push(`simd: ${simd.error.message}`);
  return { list, notes, dispose };
}

async function main(): Promise<void> {
  const { list, notes, dispose } = await variants();
  for (const note of notes) console.log(`(${note})`);
  const cases = [...convCases('conv1 3×3 1→32', conv1), ...convCases('conv2 3×3 32→64', conv2), ...denseCases(), ...loopCases()];
  const rows: { kernel: string; tier: string; gflops: number; ms: number; gflops_per_cpu_second: number }[] = [];
  for (const c of cases) {
    const best = new Map<string, number>();
    const bestCpu = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      for (const v of list) {
        v.before();
        if (round === 0) c.run(v.tier); // warm-up: first-touch pages, packed buffers, JIT
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        c.run(v.tier);
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        best.set(v.label, Math.min(best.get(v.label) ?? Infinity, ms));
        bestCpu.set(v.label, Math.min(bestCpu.get(v.label) ?? Infinity, (cpu.user + cpu.system) / 1000));
      }
    }
    for (const v of list) {
      const ms = best.get(v.label) ?? NaN;
      const cpuMs = bestCpu.get(v.label) ?? NaN;
      rows.push({
        kernel: c.name,
        tier: v.label,
        ms: Number(ms.toFixed(2)),
        gflops: Number((c.flops / ms / 1e6).toFixed(1)),
        gflops_per_cpu_second: Number((c.flops / cpuMs / 1e6).toFixed(1)),
      });
    }
  }
  if (json) for (const r of rows) console.log(JSON.stringify(r));
  else {
    const labels = list.map((v) => v.label);
    const width = (l: string): number => Math.max(26, l.length + 2);
    console.log(['GFLOP/s wall | per CPU second (ms)'.padEnd(36), ...labels.map((l) => l.padStart(width(l)))].join(''));
    for (const c of cases) {
      const cells = labels.map((l) => {
        const r = rows.find((x) => x.kernel === c.name && x.tier === l);
        return `${r?.gflops ?? '—'} | ${r?.gflops_per_cpu_second ?? '—'} (${r?.ms ?? '—'} ms)`.padStart(width(l));
      });
      console.log([c.name.padEnd(36), ...cells].join(''));
    }
  }
  await dispose();
}

void main();
