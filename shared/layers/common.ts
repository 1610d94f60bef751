import { failureOf, success, type Outcome } from '../api/outcome';
import type { Shape } from '../graph/types';
import type { LayerIssue, ShapeOutcome } from './types';

/** Keras's tuple notation: (None, 26, 26, 32); a 1-tuple keeps its comma: (None,). */
export function formatShape(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** "28×28×1": a shape without its batch dimension, for block faces and messages; None shows as ?. */
export function formatDims(dims: readonly (number | null)[]): string {
  return dims.map((d) => (d === null ? '?' : String(d))).join('×');
}

// ---- output-size arithmetic (Keras 3: ops/operation_utils.py, backend/common/backend_utils.py)

/** Convolution / pooling output length along one axis; may be <= 0 (the caller reports it). */
export function convOutputLength(input: number | null, kernel: number, stride: number, padding: string, dilation = 1): number | null {
  if (input === null) return null;
  if (padding === 'same') return Math.floor((input - 1) / stride) + 1;
  const effective = dilation * (kernel - 1) + 1;
  return Math.floor((input - effective) / stride) + 1;
}

/** Transposed-convolution output length along one axis, with Keras's default output padding. */
export function convTransposeOutputLength(
  input: number | null,
  kernel: number,
  stride: number,
  padding: string,
  outputPadding: number | null,
  dilation = 1,
): number | null {
  if (input === null) return null;
  const k = (kernel - 1) * dilation + 1;
  if (padding === 'valid') return (input - 1) * stride + k + (outputPadding ?? Math.max(k, stride) - k);
  return outputPadding === null ? input * stride : (input - 1) * stride + (k % 2) + outputPadding;
}

// ---- issues

export function issue(code: string, message: string, param?: string, severity: 'error' | 'warning' = 'error'): LayerIssue {
  return param === undefined ? { code, message, severity } : { code, message, severity, param };
}

/** A failed layer outcome; it fits any Outcome<T, LayerIssue> (a shape, axis sizes, an image input). */
export function fail(code: string, message: string, param?: string): { readonly ok: false; readonly error: LayerIssue } {
  return failureOf(issue(code, message, param));
}

/** The single input shape, or an issue when the block has none / too many. */
export function singleInput(inputs: readonly Shape[]): Shape | null {
  return inputs.length === 1 && inputs[0] !== undefined ? inputs[0] : null;
}

export function missingInput(): { readonly ok: false; readonly error: LayerIssue } {
  return fail('missing-input', 'has no input; connect a block to it');
}

/** The single input when it is a 4-D image tensor (batch, height, width, channels), else the issue saying what is wrong with it. */
export function singleImageInput(inputs: readonly Shape[]): ShapeOutcome {
  const shape = singleInput(inputs);
  if (shape === null) return missingInput();
  if (shape.length === 4) return success(shape);
  return fail(
    'input-rank',
    `expects a 4-D input (batch, height, width, channels) but gets ${formatShape(shape)}; ${shape.length < 4 ? 'add a Reshape before it, e.g. to (28, 28, 1)' : 'reduce the input to 4-D first'}`,
  );
}

/** An image shape with its known height (axis 0) and width (axis 1) mapped; None stays None, batch and channels pass through. */
export function mapImageSize(shape: Shape, resize: (size: number, axis: 0 | 1) => number): Shape {
  const [n, h, w, c] = shape;
  return [n ?? null, h == null ? null : resize(h, 0), w == null ? null : resize(w, 1), c ?? null];
}

/**
 * The size of the last axis (the channels), which layers that create weights over it must know;
 * the issue when it is None.
 */
export function requireChannels(shape: Shape): Outcome<number, LayerIssue> {
  const c = shape[shape.length - 1];
  if (typeof c === 'number') return success(c);
  return fail('undefined-dim', `needs to know the size of the last axis of its input ${formatShape(shape)}; give the Input block a full shape`);
}

/** " 3×3" etc. — a pair as the block face shows it. */
export function pairText(pair: readonly [number, number]): string {
  return `${pair[0]}×${pair[1]}`;
}
