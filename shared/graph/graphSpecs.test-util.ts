import type { LayerSpec } from './fromSpec';

/** An Inception module (four branches into one Concatenate): the graph-order tests' common case. */
export const inception: LayerSpec[] = [
  { name: 'features', kind: 'InputLayer' },
  { name: 'b1x1', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b3x3_reduce', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b3x3', kind: 'Conv2D', inputs: ['b3x3_reduce'] },
  { name: 'b5x5_reduce', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b5x5', kind: 'Conv2D', inputs: ['b5x5_reduce'] },
  { name: 'pool', kind: 'MaxPooling2D', inputs: ['features'] },
  { name: 'pool_proj', kind: 'Conv2D', inputs: ['pool'] },
  { name: 'concat', kind: 'Concatenate', inputs: ['b1x1', 'b3x3', 'b5x5', 'pool_proj'] },
];

/** a -> b -> c -> a, with the InputLayer feeding only the Add: no layer is an output. */
export const cycle: LayerSpec[] = [
  { name: 'in', kind: 'InputLayer' },
  { name: 'a', kind: 'Dense', inputs: ['c'] },
  { name: 'b', kind: 'Dense', inputs: ['a'] },
  { name: 'c', kind: 'Add', inputs: ['b', 'in'] },
];

export const names = (nodes: readonly { name: string }[] | null): string[] | null => nodes && nodes.map((n) => n.name);
