import type { JsonValue } from '../json';

/** A tensor shape in Keras notation, batch dimension first: (None, 26, 26, 32) is [null, 26, 26, 32]. */
export type Shape = readonly (number | null)[];

/** Layer parameters, keyed by their Keras config name (snake_case), valued as Keras 3 writes them. */
export type Params = { readonly [key: string]: JsonValue };

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface GraphNode {
  /** Stable id, never shown, never reused within a graph. */
  readonly id: string;
  /** The Keras class name: 'Conv2D', 'Dense', 'InputLayer', … */
  readonly kind: string;
  /** The Keras layer name ('conv2d', 'conv2d_1', 'block1_conv1'); unique within the graph. */
  readonly name: string;
  readonly params: Params;
  readonly position: Position;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Which input of the target this edge feeds (0 for single-input layers; merge layers 0..n-1). */
  readonly targetIndex: number;
}

/**
 * The model as plain, serialisable data. `nodes` order is creation order (Keras names and
 * Sequential order follow it); edges say how tensors flow. Outputs are the nodes nothing
 * consumes, unless `outputs` names them explicitly (by node id, in order).
 */
export interface Graph {
  readonly name: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly outputs?: readonly string[];
  /**
   * How Keras builds it: 'Sequential' (model.layers without the InputLayer) or 'Functional'
   * (with it). Absent: Sequential when the graph is a single chain, Functional otherwise.
   * Keras Applications models are Functional even when they are chains (VGG16).
   */
  readonly modelClass?: ModelClass;
}

export type ModelClass = 'Sequential' | 'Functional';

// Keras names an unnamed Sequential 'sequential' (a learner's first model is a chain).
export const emptyGraph: Graph = { name: 'sequential', nodes: [], edges: [] };
