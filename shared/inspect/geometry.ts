import type { JsonValue } from '../json';
import type { Params, Shape } from '../graph/types';

/**
 * Window geometry of convolutions and poolings, as TensorFlow computes it (channels last): for
 * output index o along an axis, the window starts at input index o·stride − padBefore and its taps
 * sit `dilation` apart. 'same' pads max((out − 1)·stride + effective − in, 0) in total, the smaller
 * half before (TF's rule, which Keras 3 follows on every backend we export to).
 */

export interface AxisWindow {
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
}

export function padBefore(inLen: number, outLen: number, kernel: number, stride: number, dilation: number, padding: string): number {
  if (padding !== 'same') return 0;
  const effective = dilation * (kernel - 1) + 1;
  return Math.floor(Math.max((outLen - 1) * stride + effective - inLen, 0) / 2);
}

/** A pair param ([3, 3]) read leniently: a number means both axes; anything else the fallback. */
export function pairOf(params: Params, key: string, fallback: [number, number]): [number, number] {
  const v: JsonValue | undefined = params[key];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return fallback;
}

export function stringOf(params: Params, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : fallback;
}

export function numberOf(params: Params, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' ? v : fallback;
}

/** ((top, bottom), (left, right)) of ZeroPadding2D / Cropping2D; a single number or a pair also as Keras accepts. */
export function sidesOf(params: Params, key: string): [[number, number], [number, number]] {
  const v = params[key];
  if (typeof v === 'number')
    return [
      [v, v],
      [v, v],
    ];
  if (Array.isArray(v)) {
    const [h, w] = v;
    if (typeof h === 'number' && typeof w === 'number')
      return [
        [h, h],
        [w, w],
      ];
    if (Array.isArray(h) && Array.isArray(w)) {
      const n = (x: JsonValue | undefined) => (typeof x === 'number' ? x : 0);
      return [
        [n(h[0]), n(h[1])],
        [n(w[0]), n(w[1])],
      ];
    }
  }
  return key === 'padding'
    ? [
        [1, 1],
        [1, 1],
      ]
    : [
        [0, 0],
        [0, 0],
      ];
}

/** The kernel / pool geometry of a windowed layer, or null for other layers. */
export function windowOf(
  kind: string,
  params: Params,
): { kernel: [number, number]; strides: [number, number]; dilation: [number, number]; padding: string } | null {
  if (kind === 'Conv2D' || kind === 'DepthwiseConv2D' || kind === 'SeparableConv2D' || kind === 'Conv2DTranspose') {
    return {
      kernel: pairOf(params, 'kernel_size', [3, 3]),
      strides: pairOf(params, 'strides', [1, 1]),
      dilation: pairOf(params, 'dilation_rate', [1, 1]),
      padding: stringOf(params, 'padding', 'valid'),
    };
  }
  if (kind === 'MaxPooling2D' || kind === 'AveragePooling2D') {
    const pool = pairOf(params, 'pool_size', [2, 2]);
    return { kernel: pool, strides: pairOf(params, 'strides', pool), dilation: [1, 1], padding: stringOf(params, 'padding', 'valid') };
  }
  return null;
}

/** The per-position dims of a tensor (everything between batch and channels): [h, w] for images, [] for vectors. */
export function positionDims(shape: Shape): number[] {
  return shape.slice(1, -1).map((d) => d ?? 0);
}
