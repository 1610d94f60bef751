import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The tier as the app runs it: bundled by esbuild into one .cjs (as dist/worker.cjs is), loaded
 * inside a worker_thread (the engine runs in one), and in a process that never calls dispose(),
 * which must still exit on its own (the helper threads are unref'd).
 */

const here = __dirname;
let dir = '';
let bundle = '';

const probe = `
import { loadSimdTier } from ${JSON.stringify(path.join(here, '..', 'simdTier'))};
import { isMainThread, parentPort } from 'node:worker_threads';
void (async () => {
  const load = await loadSimdTier(2);
  if (!load.ok) throw new Error(load.error.message);
  const g = { batch: 2, inH: 4, inW: 4, inC: 1, outH: 3, outW: 3, outC: 1, kH: 2, kW: 2, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, padTop: 0, padLeft: 0 };
  const out = new Float32Array(18);
  load.value.conv2d(g, Float32Array.from({ length: 32 }, (_, i) => i), new Float32Array([1, 1, 1, 1]), null, 'linear', out);
  const line = load.value.detail + ' ' + out[0] + ' ' + out[17];
  if (isMainThread) console.log(line);
  else parentPort?.postMessage(line);
})();
`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'simd-bundle-'));
  bundle = path.join(dir, 'probe.cjs');
  await build({
    stdin: { contents: probe, resolveDir: here, loader: 'ts' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 0+1+4+5 and, in the second image, 26+27+30+31.
const expected = 'SIMD128 wasm kernels, 2 threads 10 114';

describe('the SIMD tier bundled', () => {
  it('runs from a .cjs bundle and the process exits without dispose()', () => {
    const r = spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
    expect(r.status).toBe(0);
  });

  it('runs inside a worker_thread', () => {
    const launcher = path.join(dir, 'launch.cjs');
    writeFileSync(
      launcher,
      `const { Worker } = require('node:worker_threads');\nnew Worker(${JSON.stringify(bundle)}).on('message', (m) => console.log(m));\n`,
    );
    const r = spawnSync(process.execPath, [launcher], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
    expect(r.status).toBe(0);
  });
});
