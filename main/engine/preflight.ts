import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TrainRequest } from '../../shared/api/training';
import { formatCount } from '../../shared/format';
import { inferGraph } from '../../shared/inference/infer';
import type { Optimizer } from '../../shared/project';

/** How many per-weight slots each optimizer keeps (for the memory estimates). */
export function optimizerSlots(optimizer: Optimizer): number {
  switch (optimizer.kind) {
    case 'sgd':
      return optimizer.momentum > 0 || optimizer.nesterov ? 1 : 0;
    case 'adagrad':
    case 'rmsprop':
      return 1;
    default:
      return 2;
  }
}

/** WebAssembly's 32-bit address space: everything the wasm-family backends hold lives in it. */
export const WASM_ADDRESS_SPACE = 4 * 1024 ** 3;
/** Beyond this the cpu backend (plain JS kernels) needs hours per step; it says so instead of going silent. */
export const CPU_MAX_PARAMS = 100_000_000;

function tensorflowInstalled(): boolean {
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
    req.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

/**
 * Before the engine builds anything: can this model train at all on the chosen backend? The
 * weights, their gradients and the optimizer's slots must fit; on wasm (also what 'auto' picks
 * without TensorFlow) in 4 GiB, whatever the machine has. A 314 M-parameter model used to build,
 * run out of wasm memory mid-step and leave the engine broken; now it is refused up front.
 */
export function preflightTraining(request: TrainRequest, hasTensorflow: () => boolean = tensorflowInstalled): string | null {
  const params = inferGraph(request.graph).totals.total;
  if (!Number.isFinite(params) || params <= 0) return null;
  const bytes = 4 * params * (2 + optimizerSlots(request.training.optimizer));
  const gb = (b: number) => (b / 1024 ** 3).toFixed(1);
  const backend = request.backend;
  const wasmFamily = backend === 'wasm' || backend === 'simd' || backend === 'native' || (backend === 'auto' && !hasTensorflow());
  if (wasmFamily && bytes > WASM_ADDRESS_SPACE * 0.9) {
    return `The model has ${formatCount(params)} parameters: training needs at least ${gb(bytes)} GB for its weights, gradients and optimizer state, but WebAssembly can address only 4 GB. Use a smaller model (fewer filters or units), or install @tensorflow/tfjs-node and pick the tensorflow backend.`;
  }
  if (bytes > os.totalmem() * 0.9) {
    return `The model has ${formatCount(params)} parameters: training needs at least ${gb(bytes)} GB but this machine has ${gb(os.totalmem())} GB. Use a smaller model.`;
  }
  if (backend === 'cpu' && params > CPU_MAX_PARAMS) {
    return `The model has ${formatCount(params)} parameters, too big for the cpu backend (plain JavaScript kernels would take hours per batch). Pick the wasm, native or tensorflow backend, or use a smaller model.`;
  }
  return null;
}
