// `npm run bench [-- --model ID] [--backend NAME] [--batches N] [--rounds R] [--json] [--no-torch]`:
// training samples/s of the chapter's models (batch 200, Adam, float32) on every backend and kernel
// tier — tensorflow (tfjs-node, when installed), native, simd, wasm; cpu with --backend cpu —
// each beside raw tfjs-layers on the same backend and process, and beside PyTorch
// (bench/torch_bench.py, same models, all cores) where `python3` or /usr/bin/python3 imports
// torch. Rounds are interleaved (every model on every backend, then PyTorch, then again) so
// machine noise hits all alike; the median round counts. Ratios go to bench/results.json.
// --json prints one JSON line per (model, backend); the last line is the default backend's
// {"model","backend","samples_per_second","raw_tfjs_samples_per_second","peak_rss_mb",…}.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const log = (line) => (json ? process.stderr.write(`${line}\n`) : console.log(line));
const models = opt('model') ? [opt('model')] : ['keras_cnn', 'cnn_64_5x5', 'fc_200_200'];
// A few batches per run, fewer for the CNNs: this machine may have 2 cores.
const defaultBatches = { keras_cnn: 4, cnn_64_5x5: 6, fc_200_200: 40 };
const backends = opt('backend') ? [opt('backend')] : ['tensorflow', 'native', 'simd', 'wasm'];
const rounds = Math.max(1, Number(opt('rounds') ?? 3));
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function batchesFor(model, backend) {
  const base = Number(opt('batches') ?? defaultBatches[model] ?? 10);
  // cpu (plain JavaScript) is slow on convolutions: fewer batches there.
  return backend === 'cpu' && model !== 'fc_200_200' ? Math.max(2, Math.ceil(base / 2)) : base;
}

function lastJson(stdout) {
  const line = (stdout ?? '')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  try {
    return JSON.parse(line ?? '');
  } catch {
    return null;
  }
}

/** The first Python that imports torch, or null (with why). */
function findTorch() {
  for (const py of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(py, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { python: py, version: probe.stdout.trim() };
  }
  return null;
}

function blockpropRun(model, backend) {
  const run = spawnSync(process.execPath, [tsx, path.join(root, 'bench', 'training.bench.ts'), model, backend, String(batchesFor(model, backend)), '1'], {
    cwd: root,
    encoding: 'utf8',
  });
  return lastJson(run.stdout) ?? { model, backend, error: (run.stderr ?? '').trim().split('\n').slice(-3).join(' ') || `exit ${run.status}` };
}

function torchRun(torch, model) {
  const run = spawnSync(torch.python, [path.join(root, 'bench', 'torch_bench.py'), model, String(Math.max(3, defaultBatches[model] ?? 10))], {
    cwd: root,
    encoding: 'utf8',
  });
  return lastJson(run.stdout) ?? { model, error: (run.stderr ?? '').trim().split('\n').slice(-1).join(' ') || `exit ${run.status}` };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const torch = argv.includes('--no-torch') ? null : findTorch();
if (torch === null)
  log(
    argv.includes('--no-torch')
      ? 'PyTorch skipped (--no-torch).'
      : 'PyTorch not found (neither `python3` nor /usr/bin/python3 imports torch): no PyTorch column.',
  );

// samples[model][backend] = [{...row}], torchSamples[model] = [sps]
const samples = {};
const torchSamples = {};
for (let r = 0; r < rounds; r++) {
  log(`round ${r + 1}/${rounds}…`);
  for (const model of models) {
    for (const backend of backends) {
      const row = blockpropRun(model, backend);
      ((samples[model] ??= {})[backend] ??= []).push(row);
    }
    if (torch !== null) {
      const t = torchRun(torch, model);
      if (t.error === undefined) (torchSamples[model] ??= []).push(t);
      else log(`PyTorch ${model}: ${t.error}`);
    }
  }
}

const round1 = (v) => Math.round(v * 10) / 10;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const rows = [];
for (const model of models) {
  const torchSps = median((torchSamples[model] ?? []).map((t) => t.samples_per_second));
  const ok = (backend) => (samples[model]?.[backend] ?? []).filter((s) => s.error === undefined);
  // "vs raw tfjs": against raw tfjs-layers on plain tfjs-wasm, the embedded default before our tiers.
  const rawWasm = median(ok('wasm').map((s) => s.raw_tfjs_samples_per_second));
  for (const backend of backends) {
    const runs = ok(backend);
    if (runs.length === 0) {
      const error = samples[model]?.[backend]?.[0]?.error ?? 'no run';
      rows.push({ model, backend, error });
      continue;
    }
    const sps = median(runs.map((s) => s.samples_per_second));
    const raw = median(runs.map((s) => s.raw_tfjs_samples_per_second));
    const last = runs[runs.length - 1];
    // `backend` is what actually ran (a forced tier that fails does not fall back, so it matches the request).
    rows.push({
      model,
      backend: last.backend,
      detail: last.detail,
      samples_per_second: round1(sps),
      raw_tfjs_samples_per_second: round1(raw),
      peak_rss_mb: Math.max(...runs.map((s) => s.peak_rss_mb)),
      pytorch_samples_per_second: Number.isFinite(torchSps) ? round1(torchSps) : null,
      vs_pytorch: ratio(sps, torchSps),
      vs_raw_tfjs_wasm: ratio(sps, rawWasm),
      vs_raw_tfjs_same_backend: ratio(sps, raw),
      rounds: runs.length,
    });
  }
}

// What 'auto' picks here: the first of the default order that ran.
const order = ['tensorflow', 'native', 'simd', 'wasm', 'cpu'];
const defaultBackend = order.find((b) => rows.some((r) => r.backend === b && r.error === undefined)) ?? null;

const torchInfo =
  torch === null
    ? null
    : { python: torch.python, version: torch.version, blas: Object.values(torchSamples).flat()[0]?.blas ?? null, threads: os.cpus().length };
const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  batch_size: 200,
  rounds,
  default_backend: defaultBackend,
  pytorch: torchInfo,
  rows,
};
if (opt('model') === undefined && opt('backend') === undefined) writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(result, null, 2)}\n`);

if (json) {
  const okRows = rows.filter((r) => r.error === undefined);
  for (const r of rows) if (r.backend !== defaultBackend || r.error !== undefined) console.log(JSON.stringify(r));
  // The last line is the default backend's run (the contract's shape), when one ran.
  const mine = okRows.filter((r) => r.backend === defaultBackend);
  for (const r of mine) console.log(JSON.stringify(r));
} else {
  const fmt = (v) => (v === null || v === undefined ? '—' : String(v));
  console.log(
    `\nsamples/s, median of ${rounds} interleaved rounds, batch 200, Adam, float32 · ${result.machine.cpus} × ${result.machine.cpu} · load ${result.machine.loadavg.join(' ')}`,
  );
  if (torchInfo !== null) console.log(`PyTorch ${torchInfo.version} (${torchInfo.python}), ${torchInfo.threads} threads`);
  console.log(
    `${'model'.padEnd(11)} ${'backend'.padEnd(10)} ${'blockprop'.padStart(9)} ${'raw tfjs'.padStart(9)} ${'pytorch'.padStart(9)} ${'×pytorch'.padStart(9)} ${'×raw wasm'.padStart(9)}  detail`,
  );
  for (const r of rows) {
    if (r.error !== undefined) {
      console.log(`${r.model.padEnd(11)} ${r.backend.padEnd(10)} unavailable: ${r.error}`);
      continue;
    }
    console.log(
      `${r.model.padEnd(11)} ${r.backend.padEnd(10)} ${fmt(r.samples_per_second).padStart(9)} ${fmt(r.raw_tfjs_samples_per_second).padStart(9)} ${fmt(r.pytorch_samples_per_second).padStart(9)} ${fmt(r.vs_pytorch).padStart(9)} ${fmt(r.vs_raw_tfjs_wasm).padStart(9)}  ${r.detail ?? ''}${r.backend === defaultBackend ? ' (default)' : ''}`,
    );
  }
  if (opt('model') === undefined && opt('backend') === undefined) console.log('\nwritten to bench/results.json');
}
