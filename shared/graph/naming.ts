import type { Graph } from './types';

/**
 * Keras's `to_snake_case`: the prefix Keras derives a layer's default name from.
 * 'Conv2D' -> 'conv2d', 'MaxPooling2D' -> 'max_pooling2d', 'ReLU' -> 're_lu'.
 */
export function kerasBaseName(className: string): string {
  let name = className.replace(/[^A-Za-z0-9_]+/g, '');
  name = name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  name = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  return name.toLowerCase();
}

/**
 * The next free Keras-style name for a new layer of this class: 'conv2d', then 'conv2d_1',
 * 'conv2d_2', … Like Keras's per-prefix counter, it continues after the highest number in use
 * rather than refilling gaps, so names stay stable while a learner deletes and re-adds blocks.
 */
export function uniqueLayerName(graph: Graph, className: string): string {
  return uniqueName(graph.nodes.map((n) => n.name), kerasBaseName(className));
}

/** `base`, or `base_N` with N one past the highest suffix already used among `taken`. */
export function uniqueName(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  let highest = -1;
  const prefix = `${base}_`;
  for (const name of used) {
    if (name === base) highest = Math.max(highest, 0);
    else if (name.startsWith(prefix)) {
      const rest = name.slice(prefix.length);
      if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
    }
  }
  if (highest < 0) return base;
  let n = highest + 1;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
