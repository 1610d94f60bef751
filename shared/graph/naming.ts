import { inputNodes } from './topology';
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
  return uniqueName(
    graph.nodes.map((n) => n.name),
    kerasBaseName(className),
  );
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

/**
 * Whether the model can only be a Functional one: marked so, or with a branch, a merge or a
 * second input. A half-built chain (no Input yet, a loose block) is still a Sequential in the making.
 */
function isBranched(graph: Graph): boolean {
  if (graph.modelClass === 'Functional' || inputNodes(graph).length > 1) return true;
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  for (const e of graph.edges) {
    outs.set(e.source, (outs.get(e.source) ?? 0) + 1);
    ins.set(e.target, (ins.get(e.target) ?? 0) + 1);
  }
  return [...outs.values(), ...ins.values()].some((count) => count > 1);
}

/** The names Keras gives an unnamed model: Sequential(...) is 'sequential', Model(inputs, outputs) 'functional'. */
const kerasDefaultModelNames: ReadonlySet<string> = new Set(['sequential', 'functional']);

/**
 * Keeps an unnamed model's name in step with its class as the learner edits: a chain is
 * 'sequential'; adding a branch (a skip connection, a second input) makes it 'functional', as
 * Keras would name it. A name the learner or a file chose is never touched. Returns the same
 * graph when nothing changes, so an edit that changed nothing stays a no-op.
 */
export function withKerasDefaultName(graph: Graph): Graph {
  if (!kerasDefaultModelNames.has(graph.name)) return graph;
  const name = isBranched(graph) ? 'functional' : 'sequential';
  return name === graph.name ? graph : { ...graph, name };
}
