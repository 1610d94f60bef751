import { own } from '../json';
import { conv2DTransposeConfig } from '../layers/conv2DTranspose';
import { conv2dConfig } from '../layers/conv2d';
import { convGeometry, type ConvWindowConfig } from '../layers/convCommon';
import { depthwiseConv2DConfig } from '../layers/depthwiseConv2D';
import { poolingConfig } from '../layers/poolingCommon';
import { separableConv2DConfig } from '../layers/separableConv2D';
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

type Pair = [number, number];

/** A window's settings, copied out of the layer's typed config (readers may keep and index them). */
export interface LayerWindow {
  readonly kernel: Pair;
  readonly strides: Pair;
  readonly dilation: Pair;
  readonly padding: 'valid' | 'same';
}

const pair = (p: readonly [number, number]): Pair => [p[0], p[1]];

/** Every convolution reads its window through its own config, so the defaults are the layer's ParamSpecs. */
const convConfigs: { readonly [kind: string]: (params: Params) => ConvWindowConfig } = {
  Conv2D: conv2dConfig,
  DepthwiseConv2D: depthwiseConv2DConfig,
  SeparableConv2D: separableConv2DConfig,
  Conv2DTranspose: conv2DTransposeConfig,
};

/** The kernel / pool geometry of a windowed layer, or null for other layers. */
export function windowOf(kind: string, params: Params): LayerWindow | null {
  const conv = own(convConfigs, kind);
  if (conv !== undefined) {
    const g = convGeometry(conv(params));
    return { kernel: pair(g.kernel), strides: pair(g.strides), dilation: pair(g.dilation), padding: g.padding };
  }
  if (kind === 'MaxPooling2D' || kind === 'AveragePooling2D') {
    const c = poolingConfig(params);
    // Keras's strides=None: the window moves by its own size.
    return { kernel: pair(c.pool_size), strides: pair(c.strides ?? c.pool_size), dilation: [1, 1], padding: c.padding };
  }
  return null;
}

/** The per-position dims of a tensor (everything between batch and channels): [h, w] for images, [] for vectors. */
export function positionDims(shape: Shape): number[] {
  return shape.slice(1, -1).map((d) => d ?? 0);
}
