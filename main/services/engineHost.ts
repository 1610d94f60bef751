import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppInfo } from '../../shared/api/contract';
import { backendNameSchema, type BackendName } from '../../shared/api/training';
import { fail, ok } from '../../shared/api/result';
import { parseResult } from '../../shared/api/validate';
import { Engine, type EngineOptions } from '../engine/host';
import { nativeAddonCandidates } from '../engine/kernels/nativeTier';
import type { EngineHost } from './ports';

/**
 * The services' EngineHost on top of the engine's Engine (main/engine/host.ts): one worker thread for the
 * whole app, started on first use; training and inspection never run on this thread.
 */
export function createEngineHost(options: EngineOptions = {}): EngineHost {
  let engine: Engine | null = null;
  const get = (): Engine => (engine ??= new Engine(options));

  return {
    backends: async () => detectBackends(),
    startTraining(request, onEvent) {
      const run = get().startTraining(request, onEvent);
      return ok({ stop: () => run.stop(), done: run.done });
    },
    async inspect(kind, request) {
      const outcome = await get().request(kind, request);
      if (!outcome.ok) return outcome;
      return parseResult(`inspect.${kind}`, outcome);
    },
    async exportTrained(format, target, graph) {
      const outcome = await get().request('export', { format, target, ...(graph !== undefined ? { graph } : {}) });
      if (!outcome.ok) return outcome;
      const result = outcome.value;
      if (typeof result !== 'object' || result === null) return fail('invalid-reply', 'The engine did not say what it wrote.');
      const files: unknown = Reflect.get(result, 'files');
      const bytes: unknown = Reflect.get(result, 'bytes');
      if (!Array.isArray(files) || typeof bytes !== 'number') return fail('invalid-reply', 'The engine did not say what it wrote.');
      return ok({ files: files.filter((f): f is string => typeof f === 'string'), bytes });
    },
    async loadWeights(graph, file) {
      const outcome = await get().request('weights.load', { graph, path: file });
      if (!outcome.ok) return outcome;
      const r = outcome.value;
      const list = (key: string): string[] => {
        const v: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, key) : undefined;
        return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
      };
      const loaded: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'loaded') : undefined;
      return ok({ loaded: loaded === true, kept: list('kept'), fresh: list('fresh') });
    },
    async saveWeights(graph, target) {
      const outcome = await get().request('weights.save', { graph, target });
      if (!outcome.ok) return outcome;
      const r = outcome.value;
      const get1 = (key: string): unknown => (typeof r === 'object' && r !== null ? Reflect.get(r, key) : undefined);
      const file = get1('file');
      const bytes = get1('bytes');
      const fresh = get1('fresh');
      return ok({
        file: typeof file === 'string' ? file : null,
        bytes: typeof bytes === 'number' ? bytes : 0,
        fresh: Array.isArray(fresh) ? fresh.filter((s): s is string => typeof s === 'string') : [],
      });
    },
    async dispose() {
      const running = engine;
      engine = null;
      await running?.close();
    },
  };
}

/**
 * What `auto` will pick, for app.info's backend badge, without starting anything: the native
 * TensorFlow backend when its package is installed (its install downloads libtensorflow, which
 * fails on some machines and npm then drops it), else our native kernels when the addon was built
 * at install, else our SIMD128 wasm kernels (embedded, always there). The run's 'backend' event
 * has the final word (it loads them, with the reason when one does not start).
 */
export function detectBackends(
  resolve: (id: string) => string = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js')).resolve,
  nativeBuilt: () => boolean = () => nativeAddonCandidates().some((f) => fs.existsSync(f)),
): AppInfo['backends'] {
  const installed = (id: string) => {
    try {
      resolve(id);
      return true;
    } catch {
      return false;
    }
  };
  const tensorflow = installed('@tensorflow/tfjs-node-gpu') || installed('@tensorflow/tfjs-node');
  const native = nativeBuilt();
  // Why a backend cannot run here; the others (the wasm tiers, cpu) always can.
  const missing: Partial<Record<BackendName, string>> = {
    ...(tensorflow ? {} : { tensorflow: '@tensorflow/tfjs-node is not installed (its libtensorflow download failed or was skipped)' }),
    ...(native ? {} : { native: 'native kernels not built (no C++ compiler at install): run `npm run build:native`' }),
  };
  const names = backendNameSchema.options;
  return {
    // What 'auto' will pick: the fastest that can run.
    default: names.find((name) => missing[name] === undefined) ?? 'cpu',
    available: names.map((name) => {
      const reason = missing[name];
      return reason === undefined ? { name, available: true } : { name, available: false, reason };
    }),
  };
}
