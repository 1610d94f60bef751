import type { Diagnostic } from '../diagnostics';
import type { Shape } from '../graph/types';
import type { WeightSpec } from '../layers/types';

export interface ParamCounts {
  readonly trainable: number;
  readonly nonTrainable: number;
}

/** What the inference knows about one block. */
export interface NodeInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Shapes arriving at each input (by targetIndex); null where unknown. */
  readonly inputShapes: readonly (Shape | null)[];
  /** Null when the block or something upstream has an error (only the first error is reported). */
  readonly outputShape: Shape | null;
  readonly params: ParamCounts;
  readonly weights: readonly WeightSpec[];
}

export interface Inference {
  readonly nodes: ReadonlyMap<string, NodeInfo>;
  readonly diagnostics: readonly Diagnostic[];
  readonly totals: { readonly total: number; readonly trainable: number; readonly nonTrainable: number };
}
