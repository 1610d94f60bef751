import type { Graph } from '../graph/types';
import type { Project } from '../project';

/** One weight variable as a file stores it: the variable's own name ('kernel', 'moving_mean'; '' when the file has none), shape and float32 values. */
export interface WeightVar {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A layer's variables, in Keras's order (kernel, bias; gamma, beta, moving_mean, moving_variance). */
export interface LayerWeights {
  /** The Keras layer name the weights belong to. */
  readonly layer: string;
  readonly vars: readonly WeightVar[];
}

/** Which reader opened the file. */
export type ModelFileFormat = 'keras' | 'h5' | 'keras3' | 'keras2' | 'tfjs' | 'project';

/** What the one model-file reader hands back: the graph, its weights when the file holds any, and what the user should hear. */
export interface OpenedModel {
  readonly format: ModelFileFormat;
  readonly graph: Graph;
  /** Weights by layer name, or null when the file holds the architecture only. */
  readonly weights: readonly LayerWeights[] | null;
  /** Set when the file is a Blockprop project (its training settings and dataset come along). */
  readonly project: Project | null;
  /** Class names stored with the model (a .keras written by Blockprop), when there. */
  readonly classNames: readonly string[] | null;
  readonly warnings: readonly string[];
}

/** The variable's own name from a stored path: 'model/conv2d_1/kernel:0' -> 'kernel'. */
export function variableBaseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/:\d+$/, '');
}
