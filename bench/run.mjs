// `npm run bench [-- --model ID] [--backend NAME] [--batches N] [--json]`: training samples/s of
// the chapter's models (batch 200, Adam) on every available backend, Blockprop's engine beside
// raw tfjs in the same process, plus peak RSS. Each (model, backend) runs in its own process.
// --json prints one JSON line per run; the last line is the last run's
// {"model","backend","samples_per_second","raw_tfjs_samples_per_second","peak_rss_mb"}.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const models = opt('model') ? [opt('model')] : ['keras_cnn', 'cnn_64_5x5', 'fc_200_200'];
// A few hundred batches at most, fewer for the CNNs: this machine may have 2 cores.
const defaultBatches = { keras_cnn: 6, cnn_64_5x5: 8, fc_200_200: 60 };
const backends = opt('backend') ? [opt('backend')] : ['tensorflow', 'wasm', 'cpu'];
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const rows = [];
for (const model of models) {
  for (const backend of backends) {
    // cpu is slow on convolutions: fewer batches there.
    const base = Number(opt('batches') ?? defaultBatches[model] ?? 10);
    const batches = backend === 'cpu' && model !== 'fc_200_200' ? Math.max(2, Math.ceil(base / 3)) : base;
    const run = spawnSync(process.execPath, [tsx, path.join(root, 'bench', 'training.bench.ts'), model, backend, String(batches), opt('rounds') ?? '2'], { cwd: root, encoding: 'utf8' });
    const line = (run.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
    let row;
    try {
      row = JSON.parse(line ?? '');
    } catch {
      row = { model, backend, error: (run.stderr ?? '').trim().split('\n').slice(-3).join(' ') || `exit ${run.status}` };
    }
    rows.push(row);
    if (json) console.log(JSON.stringify(row));
    else if (row.error) console.log(`${model.padEnd(11)} ${backend.padEnd(10)} unavailable: ${row.error}`);
    else {
      const ratio = row.samples_per_second / row.raw_tfjs_samples_per_second;
      console.log(
        `${model.padEnd(11)} ${row.backend.padEnd(10)} blockprop ${String(row.samples_per_second).padStart(8)} samples/s   raw tfjs ${String(row.raw_tfjs_samples_per_second).padStart(8)} samples/s   ratio ${ratio.toFixed(3)}   peak RSS ${row.peak_rss_mb} MB`,
      );
    }
  }
}
if (json && rows.length > 0) {
  // The last line is always a successful run when there is one (the contract's shape).
  const ok = rows.filter((r) => !r.error);
  if (ok.length > 0 && rows[rows.length - 1].error) console.log(JSON.stringify(ok[ok.length - 1]));
}
