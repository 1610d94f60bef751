import { success } from '../api/outcome';
import type { Shape } from '../graph/types';
import { fail, formatShape } from './common';
import { makeCodec } from './configCodec';
import type { LayerDef, ShapeOutcome } from './types';

/** The batch size of a merge output: the one known batch size, else None (Keras 3 Merge). */
export function mergedBatch(inputs: readonly Shape[]): number | null {
  const known = new Set(inputs.map((s) => s[0]).filter((d): d is number => typeof d === 'number'));
  const [only] = [...known];
  return known.size === 1 && only !== undefined ? only : null;
}

function mismatch(inputs: readonly Shape[], what: string): ShapeOutcome {
  return fail('merge-shape-mismatch', `gets inputs of incompatible shapes ${inputs.map(formatShape).join(' and ')}; ${what}`);
}

/**
 * Keras 3's element-wise merge rule: shapes (without batch) are aligned from the right; a 1
 * broadcasts, None stays None, other sizes must be equal; a shorter shape is padded on the left.
 */
export function elementwiseShape(inputs: readonly Shape[]): ShapeOutcome {
  if (inputs.length < 2) return fail('missing-input', `has ${inputs.length} input; connect at least two blocks to it`);
  let out: (number | null)[] | undefined;
  for (const input of inputs) {
    const shape = input.slice(1);
    if (out === undefined) {
      out = shape;
      continue;
    }
    const [long, short] = out.length >= shape.length ? [out, shape] : [shape, out];
    const offset = long.length - short.length;
    const next = long.slice(0, offset);
    for (let i = 0; i < short.length; i++) {
      const a = long[offset + i] ?? null;
      const b = short[i] ?? null;
      if (a === null || b === null) next.push(null);
      else if (a === 1) next.push(b);
      else if (b === 1 || a === b) next.push(a);
      else return mismatch(inputs, 'make their sizes equal (for example a 1×1 Conv2D to match the channels, or the same strides on both branches)');
    }
    out = next;
  }
  return success([mergedBatch(inputs), ...(out ?? [])]);
}

const emptyCodec = makeCodec([], []);

export function makeElementwiseDef(className: string, text: Pick<LayerDef, 'summary' | 'explanation'>, maxInputs = Infinity): LayerDef {
  return {
    className,
    family: 'merge',
    ...text,
    params: [],
    inputs: { min: 2, max: maxInputs },
    outputShape: (inputs) =>
      inputs.length > maxInputs
        ? fail('extra-input', `takes exactly ${maxInputs} inputs but has ${inputs.length}; remove the extra connections`)
        : elementwiseShape(inputs),
    weights: () => [],
    toConfig: emptyCodec.toConfig,
    fromConfig: emptyCodec.fromConfig,
    describe: () => '',
  };
}
