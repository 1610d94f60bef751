import type { Params } from '../graph/types';
import { activationConfig } from './activation';
import { conv2DTransposeConfig } from './conv2DTranspose';
import { conv2dConfig } from './conv2d';
import { denseConfig } from './dense';
import { depthwiseConv2DConfig } from './depthwiseConv2D';
import { separableConv2DConfig } from './separableConv2D';
import { own } from '../json';

/** The kinds that carry an `activation` parameter, each read through its own typed config. */
const activationConfigs: { readonly [kind: string]: (params: Params) => { readonly activation: string } } = {
  Activation: activationConfig,
  Dense: denseConfig,
  Conv2D: conv2dConfig,
  DepthwiseConv2D: depthwiseConv2DConfig,
  SeparableConv2D: separableConv2DConfig,
  Conv2DTranspose: conv2DTransposeConfig,
};

/**
 * A block's `activation` parameter, or undefined for a kind that has none (a Softmax block applies
 * softmax without one; callers that care say so themselves).
 */
export function activationParam(kind: string, params: Params): string | undefined {
  return own(activationConfigs, kind)?.(params).activation;
}

/** The activation a block applies to its output: its parameter, or softmax for a Softmax block. */
export function appliedActivation(kind: string, params: Params): string | undefined {
  return kind === 'Softmax' ? 'softmax' : activationParam(kind, params);
}
