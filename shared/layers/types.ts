import type { Outcome } from '../api/outcome';
import type { JsonObject, JsonValue } from '../json';
import type { Params, Shape } from '../graph/types';

/** Palette families, in palette order: one colour each, so a block's kind reads at a glance. */
export type Family = 'input' | 'convolution' | 'pooling' | 'core' | 'regularization' | 'normalization' | 'activation' | 'merge';

export const families: readonly Family[] = ['input', 'convolution', 'pooling', 'core', 'regularization', 'normalization', 'activation', 'merge'];

/** How a parameter is typed, edited in the inspector and validated. */
export type ParamType =
  | { readonly type: 'int'; readonly min?: number; readonly max?: number; readonly nullable?: boolean }
  | {
      readonly type: 'float';
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      readonly exclusiveMax?: boolean;
      readonly nullable?: boolean;
    }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly options: readonly string[] }
  | { readonly type: 'string'; readonly nullable?: boolean }
  /** Fixed-length tuple of ints, e.g. kernel_size (3, 3); nullable for pooling strides (None = pool_size). */
  | { readonly type: 'tuple'; readonly length: number; readonly min?: number; readonly nullable?: boolean }
  /** Variable-length list of ints, e.g. Reshape's target_shape (-1 allowed once when allowMinusOne). */
  | { readonly type: 'ints'; readonly min?: number; readonly allowMinusOne?: boolean }
  /**
   * An input shape without the batch dimension; null entries allowed. Dropout's noise_shape reuses it
   * with `nullable` (the whole value may be null) and `withBatch` (it includes the batch dimension).
   */
  | { readonly type: 'shape'; readonly nullable?: boolean; readonly withBatch?: boolean }
  /** int or list of ints (normalisation/concatenation axis). */
  | { readonly type: 'axis' }
  /** ((top, bottom), (left, right)) as Keras writes it for ZeroPadding2D / Cropping2D. */
  | { readonly type: 'padding2d' }
  /** A Keras activation name ('relu', 'softmax', 'linear', …). */
  | { readonly type: 'activation' }
  /** { class_name, config } as Keras writes an initializer (without module/registered_name). */
  | { readonly type: 'initializer' }
  /** null or { class_name: 'L1' | 'L2' | 'L1L2', config } */
  | { readonly type: 'regularizer' }
  /** null or { class_name: 'MaxNorm' | 'NonNeg' | 'UnitNorm' | 'MinMaxNorm', config } */
  | { readonly type: 'constraint' };

export type ParamSpec = ParamType & {
  /** The Keras config key, snake_case. */
  readonly name: string;
  readonly default: JsonValue;
  /** One line for the inspector. */
  readonly help: string;
  /** Shown on the block and first in the inspector. */
  readonly key?: boolean;
  /** Rarely changed: folded away under "Advanced" in the inspector. */
  readonly advanced?: boolean;
};

/** A weight variable as Keras creates it, in Keras's order (kernel before bias, gamma, beta, moving_mean, moving_variance). */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

/** A user mistake found by a layer's own rule; the inference turns it into a Diagnostic naming the block. */
export interface LayerIssue {
  readonly code: string;
  /** Completes "<Class> '<name>' …": e.g. "has a 3×3 kernel but its input is only 2×2; use padding 'same' or a smaller kernel". */
  readonly message: string;
  readonly severity?: 'error' | 'warning';
  readonly param?: string;
}

/** A layer's output shape (with the batch dimension), or the issue that stops it. */
export type ShapeOutcome = Outcome<Shape, LayerIssue>;

export interface FromConfigResult {
  readonly params: Params;
  /** Config keys we cannot represent (named to the user, never silently dropped). */
  readonly unsupported: readonly string[];
}

/** One Keras layer class: everything the core knows about it. */
export interface LayerDef {
  readonly className: string;
  readonly family: Family;
  /** One line for the palette. */
  readonly summary: string;
  /** 2–4 sentences for learners: what it does, when to use it, what its parameters change. */
  readonly explanation: string;
  readonly params: readonly ParamSpec[];
  /** How many inputs it takes: InputLayer {0,0}; most {1,1}; merges {2, Infinity}. */
  readonly inputs: { readonly min: number; readonly max: number };
  /** Keras's output-shape rule. Input shapes include the batch dimension. */
  outputShape(inputs: readonly Shape[], params: Params): ShapeOutcome;
  /** The weights Keras creates for these inputs (drives parameter counts and weight export). */
  weights(inputs: readonly Shape[], params: Params): readonly WeightSpec[];
  /** Keras-exact checks beyond each parameter's own type/range (e.g. strides > 1 with dilation > 1). */
  check?(inputs: readonly Shape[], params: Params): readonly LayerIssue[];
  /** Keras 3 config entries other than name / trainable / dtype, in Keras's key order. */
  toConfig(params: Params): JsonObject;
  /** Reads a Keras 3 or Keras 2 config (already stripped of module/registered_name wrappers where generic). */
  fromConfig(config: JsonObject): FromConfigResult;
  /** The two or three parameters that define it, for the block face: "32 × 3×3, relu". */
  describe(params: Params): string;
}
