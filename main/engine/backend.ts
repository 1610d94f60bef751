import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients; tfjs-layers' node bundle registers all of them into
// tfjs's global registry (tfjs-core's own register_all_gradients is ESM-only, unusable from dist/*.cjs).
import '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { failure, failureOf, success, type Outcome } from '../../shared/api/outcome';
import { backendNameSchema, type BackendChoice, type BackendName } from '../../shared/api/training';
import { registerTierKernels, setActiveTier } from './kernels/register';
import { loadTier, tierHint } from './kernels/tiers';
import { registerWasmPatches } from './wasm';

/**
 * Backend selection, fastest first: 'tensorflow' (tfjs-node-gpu, then tfjs-node: optional
 * packages loaded with a guarded dynamic import), 'native' (our N-API kernels under the wasm
 * backend), 'simd' (our SIMD128 wasm kernels on worker threads under the wasm backend), 'wasm'
 * (plain tfjs-wasm with our kernel patches) and 'cpu'. 'auto' tries them in that order; every
 * backend that fails to start is reported with its reason — nothing falls back silently.
 */

export type { BackendChoice, BackendName };

export interface BackendFailure {
  readonly backend: BackendName;
  readonly reason: string;
}

/** The backend that runs, what it is ('WebAssembly SIMD, 1 thread') and the faster ones that could not start. */
export interface StartedBackend {
  readonly backend: BackendName;
  readonly detail: string;
  readonly failures: readonly BackendFailure[];
  /** Why a faster backend is not the one running, in one line (null when the fastest runs). */
  readonly hint: string | null;
}

/** No backend started: the sentence for the user, and each backend's reason. */
export interface BackendStartFailure {
  readonly message: string;
  readonly failures: readonly BackendFailure[];
}

export type BackendResult = Outcome<StartedBackend, BackendStartFailure>;

const message = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));

/** `require` of the running bundle (dist/*.cjs) or, under tsx/vitest (ESM), one rooted at the working directory. */
function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

/** The folder holding tfjs-backend-wasm's .wasm binaries (works from the sources and from dist/worker.cjs, where the package is external). */
export function wasmDir(): string {
  const pkg = nodeRequire().resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(pkg), 'dist') + path.sep;
}

async function startTensorflow(): Promise<Started> {
  setActiveTier(null);
  const reasons: string[] = [];
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(/* optional dependency */ pkg);
      if (await tf.setBackend('tensorflow')) return success(pkg);
      reasons.push(`${pkg} loaded but its backend did not start`);
    } catch (e) {
      const text = message(e);
      reasons.push(/Cannot find (module|package)/.test(text) ? `${pkg} is not installed` : `${pkg}: ${text}`);
    }
  }
  return failure(reasons.join('; '));
}

let wasmPathsSet = false;

/** A backend that started, with its detail line ('WebAssembly SIMD, 1 thread'), or why it did not. */
type Started = Outcome<string>;

/** The wasm backend with our patches and the tier-routing kernels (routing to no tier until one is set). */
async function startWasmBackend(): Promise<Started> {
  try {
    if (!wasmPathsSet) {
      setWasmPaths(wasmDir());
      wasmPathsSet = true;
    }
    registerWasmPatches();
    registerTierKernels();
    if (!(await tf.setBackend('wasm'))) return failure('the wasm backend did not initialise');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return success(simd === true ? 'WebAssembly SIMD, 1 thread' : 'WebAssembly, 1 thread');
  } catch (e) {
    return failure(message(e));
  }
}

async function startWasm(): Promise<Started> {
  setActiveTier(null);
  return startWasmBackend();
}

/** One of our kernel tiers under the wasm backend. */
async function startTier(name: 'native' | 'simd'): Promise<Started> {
  const loaded = await loadTier(name);
  if (!loaded.ok) return loaded;
  const wasm = await startWasmBackend();
  if (!wasm.ok) return wasm;
  setActiveTier(loaded.value);
  return success(loaded.value.detail);
}

async function startCpu(): Promise<Started> {
  setActiveTier(null);
  try {
    return (await tf.setBackend('cpu')) ? success('plain JavaScript') : failure('the cpu backend did not initialise');
  } catch (e) {
    return failure(message(e));
  }
}

const starters: Record<BackendName, () => Promise<Started>> = {
  tensorflow: startTensorflow,
  native: () => startTier('native'),
  simd: () => startTier('simd'),
  wasm: startWasm,
  cpu: startCpu,
};

/** The order 'auto' tries, fastest first: the contract's own order of the names. */
export const backendOrder: readonly BackendName[] = backendNameSchema.options;

/** Starts the chosen backend ('auto': backendOrder), reporting every failure on the way. */
export async function startBackend(choice: BackendChoice): Promise<BackendResult> {
  const order: readonly BackendName[] = choice === 'auto' ? backendOrder : [choice];
  const failures: BackendFailure[] = [];
  for (const name of order) {
    const started = await starters[name]();
    if (started.ok) return success({ backend: name, detail: started.value, failures, hint: tierHint(failures, name, started.value) });
    failures.push({ backend: name, reason: started.error.message });
  }
  const why = failures.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  return failureOf({
    message: `No backend could start (${why}).${choice === 'tensorflow' ? ' Install @tensorflow/tfjs-node or choose the wasm backend.' : ''}${choice === 'native' ? ' Choose the simd backend (it needs no build).' : ''}`,
    failures,
  });
}
