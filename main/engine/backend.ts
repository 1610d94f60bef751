import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients; tfjs-layers' node bundle registers all of them into
// tfjs's global registry (tfjs-core's own register_all_gradients is ESM-only, unusable from dist/*.cjs).
import '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmPatches } from './wasm';

/**
 * Backend selection: 'tensorflow' (tfjs-node-gpu, then tfjs-node: optional packages loaded with a
 * guarded dynamic import), 'wasm' (the embedded default, with our kernel patches) and 'cpu'.
 * 'auto' tries them in that order; every backend that fails to start is reported with its reason
 * — nothing falls back silently.
 */

export type BackendChoice = 'auto' | 'tensorflow' | 'wasm' | 'cpu';
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendFailure {
  readonly backend: BackendName;
  readonly reason: string;
}

export type BackendResult =
  | { readonly ok: true; readonly backend: BackendName; readonly detail: string; readonly failures: readonly BackendFailure[] }
  | { readonly ok: false; readonly message: string; readonly failures: readonly BackendFailure[] };

const message = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e));

/** `require` of the running bundle (dist/*.cjs) or, under tsx/vitest (ESM), one rooted at the working directory. */
function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

/** The folder holding tfjs-backend-wasm's .wasm binaries (works from the sources and from dist/worker.cjs, where the package is external). */
export function wasmDir(): string {
  const pkg = nodeRequire().resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(pkg), 'dist') + path.sep;
}

async function startTensorflow(): Promise<{ ok: true; detail: string } | { ok: false; reason: string }> {
  const reasons: string[] = [];
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(/* optional dependency */ pkg);
      if (await tf.setBackend('tensorflow')) return { ok: true, detail: pkg };
      reasons.push(`${pkg} loaded but its backend did not start`);
    } catch (e) {
      const text = message(e);
      reasons.push(/Cannot find (module|package)/.test(text) ? `${pkg} is not installed` : `${pkg}: ${text}`);
    }
  }
  return { ok: false, reason: reasons.join('; ') };
}

let wasmPathsSet = false;

async function startWasm(): Promise<{ ok: true; detail: string } | { ok: false; reason: string }> {
  try {
    if (!wasmPathsSet) {
      setWasmPaths(wasmDir());
      wasmPathsSet = true;
    }
    registerWasmPatches();
    if (!(await tf.setBackend('wasm'))) return { ok: false, reason: 'the wasm backend did not initialise' };
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return { ok: true, detail: simd === true ? 'WebAssembly SIMD, 1 thread' : 'WebAssembly, 1 thread' };
  } catch (e) {
    return { ok: false, reason: message(e) };
  }
}

async function startCpu(): Promise<{ ok: true; detail: string } | { ok: false; reason: string }> {
  try {
    return (await tf.setBackend('cpu')) ? { ok: true, detail: 'plain JavaScript' } : { ok: false, reason: 'the cpu backend did not initialise' };
  } catch (e) {
    return { ok: false, reason: message(e) };
  }
}

const starters: Record<BackendName, () => Promise<{ ok: true; detail: string } | { ok: false; reason: string }>> = {
  tensorflow: startTensorflow,
  wasm: startWasm,
  cpu: startCpu,
};

/** Starts the chosen backend ('auto': tensorflow, then wasm, then cpu), reporting every failure on the way. */
export async function startBackend(choice: BackendChoice): Promise<BackendResult> {
  const order: BackendName[] = choice === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [choice];
  const failures: BackendFailure[] = [];
  for (const name of order) {
    const started = await starters[name]();
    if (started.ok) return { ok: true, backend: name, detail: started.detail, failures };
    failures.push({ backend: name, reason: started.reason });
  }
  const why = failures.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  return { ok: false, message: `No backend could start (${why}).${choice === 'tensorflow' ? ' Install @tensorflow/tfjs-node or choose the wasm backend.' : ''}`, failures };
}
