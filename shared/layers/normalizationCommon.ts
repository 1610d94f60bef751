import { success, type Outcome } from '../api/outcome';
import type { Params, Shape } from '../graph/types';
import { fail, formatShape, missingInput, singleInput } from './common';
import { constraintSpec, initializerSpec, regularizerSpec } from './paramSpecs';
import type { LayerDef, LayerIssue, ParamSpec, WeightSpec } from './types';

/** Specs BatchNormalization and LayerNormalization share (Keras's names, defaults and ranges). */
export const epsilonSpec = {
  name: 'epsilon',
  type: 'float',
  min: 0,
  exclusiveMin: true,
  default: 0.001,
  help: 'Small number added to the variance so that nothing is divided by zero.',
} as const satisfies ParamSpec;
export const centerSpec = { name: 'center', type: 'bool', default: true, help: 'Learn an offset (beta) added after normalising.' } as const satisfies ParamSpec;
export const scaleSpec = {
  name: 'scale',
  type: 'bool',
  default: true,
  help: 'Learn a factor (gamma) multiplied after normalising.',
} as const satisfies ParamSpec;
export const betaGammaInitializers = [
  initializerSpec('beta_initializer', 'Zeros', 'Starting value of the learned offset.'),
  initializerSpec('gamma_initializer', 'Ones', 'Starting value of the learned factor.'),
] as const;
export const betaGammaPenalties = [
  regularizerSpec('beta_regularizer', 'Penalty on the offsets added to the loss.'),
  regularizerSpec('gamma_regularizer', 'Penalty on the factors added to the loss.'),
  constraintSpec('beta_constraint', 'Limit applied to the offsets after each update.'),
  constraintSpec('gamma_constraint', 'Limit applied to the factors after each update.'),
] as const;

/** Resolves a (possibly negative) axis against a shape with batch; null when out of range or the batch axis. */
export function resolveAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 1 && a < rank ? a : null;
}

/** The sizes along the given axes, or the issue when an axis is out of range or its size unknown. */
export function axisSizes(shape: Shape, axes: readonly number[], param = 'axis'): Outcome<number[], LayerIssue> {
  const sizes: number[] = [];
  for (const axis of axes) {
    const a = resolveAxis(axis, shape.length);
    if (a === null)
      return fail('bad-axis', `normalises over axis ${axis}, which its input ${formatShape(shape)} does not have; use -1 for the channels`, param);
    const size = shape[a];
    if (typeof size !== 'number')
      return fail('undefined-dim', `normalises over axis ${axis} of ${formatShape(shape)}, whose size is unknown; give the Input block a full shape`, param);
    sizes.push(size);
  }
  return success(sizes);
}

/**
 * Shape rule and weights of a normalisation over `axesOf(p)`: the output keeps the input's shape;
 * gamma (scale), beta (center) and any running `statistics` have one value per normalised feature.
 */
export function normalizationRules(
  axesOf: (p: Params) => readonly number[],
  config: (p: Params) => { readonly center: boolean; readonly scale: boolean },
  statistics: readonly string[] = [],
): Pick<LayerDef, 'outputShape' | 'weights'> {
  return {
    outputShape(inputs, p) {
      const shape = singleInput(inputs);
      if (shape === null) return missingInput();
      const sizes = axisSizes(shape, axesOf(p));
      return sizes.ok ? success(shape) : sizes;
    },
    weights(inputs, p) {
      const shape = singleInput(inputs);
      if (shape === null) return [];
      const sizes = axisSizes(shape, axesOf(p));
      if (!sizes.ok) return [];
      const c = config(p);
      const out: WeightSpec[] = [];
      if (c.scale) out.push({ name: 'gamma', shape: sizes.value, trainable: true });
      if (c.center) out.push({ name: 'beta', shape: sizes.value, trainable: true });
      for (const name of statistics) out.push({ name, shape: sizes.value, trainable: false });
      return out;
    },
  };
}
