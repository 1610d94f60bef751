import { loadNativeTier } from './nativeTier';
import { loadSimdTier } from './simdTier';
import { failure, type Outcome } from '../../../shared/api/outcome';
import type { KernelTier } from './tier';

/**
 * Loading the kernel tiers, once per process (the SIMD tier starts worker threads; the native
 * addon is loaded once anyway), and the one-line hint that says why a faster tier is not the one
 * running.
 */

const loads = new Map<'native' | 'simd', Promise<Outcome<KernelTier>>>();

/** Threads for the SIMD tier: BLOCKPROP_THREADS when set (benchmarks, determinism checks), else the tier's default (the machine's cores). */
export function simdThreads(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env['BLOCKPROP_THREADS']);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

async function load(name: 'native' | 'simd'): Promise<Outcome<KernelTier>> {
  try {
    return name === 'native' ? loadNativeTier() : await loadSimdTier(simdThreads());
  } catch (e) {
    // A loader reports failures as values; a throw is a bug in it, still not a reason to stop training.
    return failure(`${name} kernels failed to load: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function loadTier(name: 'native' | 'simd'): Promise<Outcome<KernelTier>> {
  const known = loads.get(name);
  if (known !== undefined) return known;
  const started = load(name);
  loads.set(name, started);
  return started;
}

/**
 * "native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads": the
 * reasons the faster tiers of ours did not start, then what runs. tfjs-node not being installed
 * is the normal case and stays in the failure list only.
 */
export function tierHint(failures: readonly { readonly backend: string; readonly reason: string }[], running: string, detail: string): string | null {
  const reasons = failures.filter((f) => f.backend === 'native' || f.backend === 'simd').map((f) => f.reason);
  if (reasons.length === 0) return null;
  return `${reasons.join('; ')}: using ${running === 'wasm' ? `plain tfjs-wasm (${detail})` : detail}`;
}
