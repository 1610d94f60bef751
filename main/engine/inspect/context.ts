import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Graph } from '../../../shared/graph/types';
import type { LossName } from '../datasets/mismatch';
import type { ImageSet } from '../datasets/types';

/**
 * What inspection works on: the model with its current weights (trained or initial) and, when
 * loaded, the held-out images that 'test' samples and evaluate refer to.
 */
export interface InspectContext {
  readonly model: LayersModel;
  /** Held-out data (test set / a folder's validation part), or null before any dataset is loaded. */
  readonly heldOut: ImageSet | null;
  readonly classNames: readonly string[];
  /** The training loss (evaluate reports it); default from the output: 1 unit -> binary, else categorical crossentropy. */
  readonly loss?: LossName;
  /** The graph the model was built from: its regularizers' penalties are part of Keras's reported loss. */
  readonly graph?: Graph | null;
}

/** Rounds for compact JSON: 6 significant digits. */
export function round6(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : 0;
}

/** The model's per-sample input shape (batch dimension dropped; unknown sizes as 0). */
export function inputShapeOf(model: LayersModel): number[] {
  const input = model.inputs[0];
  return (input?.shape ?? []).slice(1).map((d) => d ?? 0);
}

export function outputUnitsOf(model: LayersModel): number {
  const out = model.outputs[0];
  return out?.shape[out.shape.length - 1] ?? 0;
}

/** Class names for the model's outputs: the dataset's, else "0", "1", … */
export function classNamesFor(ctx: InspectContext): string[] {
  const units = outputUnitsOf(ctx.model);
  const n = units === 1 ? 2 : units;
  return ctx.classNames.length === n ? [...ctx.classNames] : Array.from({ length: n }, (_, i) => String(i));
}
