import type { Shape } from '../graph/types';
import { fail, formatShape } from './common';
import type { ShapeOutcome } from './types';

/** Resolves a (possibly negative) axis against a shape with batch; null when out of range or the batch axis. */
export function resolveAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 1 && a < rank ? a : null;
}

/** The sizes along the given axes, or the issue when an axis is out of range or its size unknown. */
export function axisSizes(shape: Shape, axes: readonly number[], param = 'axis'): number[] | ShapeOutcome {
  const sizes: number[] = [];
  for (const axis of axes) {
    const a = resolveAxis(axis, shape.length);
    if (a === null) return fail('bad-axis', `normalises over axis ${axis}, which its input ${formatShape(shape)} does not have; use -1 for the channels`, param);
    const size = shape[a];
    if (typeof size !== 'number') return fail('undefined-dim', `normalises over axis ${axis} of ${formatShape(shape)}, whose size is unknown; give the Input block a full shape`, param);
    sizes.push(size);
  }
  return sizes;
}
