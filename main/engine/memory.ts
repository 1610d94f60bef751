import * as os from 'node:os';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { BackendName } from '../../shared/api/training';

/**
 * Rough training memory: weights, their gradients and the optimizer's slots, plus every layer's
 * output for a batch kept for the backward pass (×3 for gradients and temporaries). Meant to
 * catch runs that clearly cannot fit (VGG-16 at batch 256 on a laptop), not to be exact.
 */
export function estimateTrainingBytes(model: LayersModel, batchSize: number, optimizerSlots: number): number {
  const params = model.countParams();
  let activations = 0;
  for (const layer of model.layers) {
    const shapes = Array.isArray(layer.outputShape[0]) ? layer.outputShape : [layer.outputShape];
    for (const shape of shapes) {
      if (!Array.isArray(shape)) continue;
      activations += shape.slice(1).reduce<number>((a, d) => a * (typeof d === 'number' ? d : 1), 1);
    }
  }
  return 4 * (params * (2 + optimizerSlots) + activations * batchSize * 3);
}

/** What the backend can use: the machine's memory, and at most 4 GB for WebAssembly's 32-bit heap (our tiers keep the tensors there too). */
export function memoryLimitBytes(backend: BackendName): number {
  const machine = os.totalmem();
  return backend === 'native' || backend === 'simd' || backend === 'wasm' ? Math.min(machine, 4 * 1024 ** 3) : machine;
}

export function tooBigMessage(estimate: number, limit: number, batchSize: number, backend: string): string | null {
  if (estimate <= limit * 0.9) return null;
  const gb = (b: number): string => (b / 1024 ** 3).toFixed(1);
  return `Training needs about ${gb(estimate)} GB but the ${backend} backend can use ${gb(limit)} GB here. Lower the batch size (now ${batchSize}), make the input smaller, or use fewer filters/units.`;
}
