import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';

/** Convolutions per block: VGG16 2-2-3-3-3, VGG19 2-2-4-4-4 (keras/src/applications/vgg16.py, vgg19.py). */
const blocks = {
  16: [2, 2, 3, 3, 3],
  19: [2, 2, 4, 4, 4],
} as const;
const blockFilters = [64, 128, 256, 512, 512];

/** VGG as keras.applications.VGG16/VGG19(weights=None, include_top=True) builds it. */
export function buildVgg(depth: 16 | 19, opts: { name?: string; inputShape?: readonly number[]; classes?: number } = {}): Graph {
  const b = new GraphBuilder(opts.name ?? `vgg${depth}`, 'Functional');
  let x = b.input(opts.inputShape ?? [224, 224, 3]);
  blocks[depth].forEach((convs, i) => {
    const block = `block${i + 1}`;
    for (let c = 1; c <= convs; c++) {
      x = b.layer('Conv2D', { filters: blockFilters[i] ?? 0, kernel_size: [3, 3], activation: 'relu', padding: 'same' }, x, `${block}_conv${c}`);
    }
    x = b.layer('MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }, x, `${block}_pool`);
  });
  b.chain(x, [
    ['Flatten', {}, 'flatten'],
    ['Dense', { units: 4096, activation: 'relu' }, 'fc1'],
    ['Dense', { units: 4096, activation: 'relu' }, 'fc2'],
    ['Dense', { units: opts.classes ?? 1000, activation: 'softmax' }, 'predictions'],
  ]);
  return b.build();
}
