import type { EngineOptions } from '../engine/host';
import { createEngineHost } from './engineHost';
import type { EngineHost } from './ports';

/**
 * The app's one engine host, created on first use. `workerPath`: the worker bundle
 * (dist/worker.cjs); by default the engine finds it beside the running bundle.
 */
export function engineProvider(options: EngineOptions = {}): () => EngineHost {
  let host: EngineHost | null = null;
  return () => (host ??= createEngineHost(options));
}
