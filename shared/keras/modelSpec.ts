import type { JsonObject, JsonValue } from '../json';
import type { ModelJsonFormat } from '../modelfile/sniff';

/** Where a model JSON came from. */
export type ModelFormat = ModelJsonFormat;

/** The Keras model object (class_name + config) a format reader found in its file, and the file's format. */
export interface KerasModel {
  readonly model: JsonObject;
  readonly format: ModelFormat;
}

/** One layer entry of a model config, checked for shape but not yet for meaning. */
export interface RawLayer {
  readonly className: string;
  readonly name: string;
  readonly config: JsonObject;
  /** Functional only: the names of the layers feeding it, in input order. */
  readonly inputs: readonly string[];
}

/**
 * What every format's reader hands the one graph builder: the layers (names unique, classes in the
 * catalog), and for a functional model its inputs and outputs by layer name.
 */
export type ModelSpec =
  | {
      readonly kind: 'Sequential';
      readonly name: string;
      readonly layers: readonly RawLayer[];
      /** `build_input_shape` of a Sequential built with `model.build(shape)`. */
      readonly buildInputShape: JsonValue | undefined;
    }
  | {
      readonly kind: 'Functional';
      readonly name: string;
      readonly layers: readonly RawLayer[];
      readonly inputs: readonly string[];
      readonly outputs: readonly string[];
    };

/** A value that is not what a reader expected, in words ("a list", "the text …"), for its message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `the ${typeof value} ${String(value)}`;
}
