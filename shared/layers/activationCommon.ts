import { success } from '../api/outcome';
import type { Shape } from '../graph/types';
import { missingInput, singleInput } from './common';
import type { ShapeOutcome } from './types';

/** Element-wise layers: the output has the input's shape. */
export function sameShape(inputs: readonly Shape[]): ShapeOutcome {
  const shape = singleInput(inputs);
  return shape === null ? missingInput() : success(shape);
}
