import { activation } from './activation';
import { add } from './add';
import { average } from './average';
import { averagePooling2D } from './averagePooling2D';
import { batchNormalization } from './batchNormalization';
import { concatenate } from './concatenate';
import { conv2d } from './conv2d';
import { conv2DTranspose } from './conv2DTranspose';
import { cropping2D } from './cropping2D';
import { dense } from './dense';
import { depthwiseConv2D } from './depthwiseConv2D';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { globalAveragePooling2D } from './globalAveragePooling2D';
import { globalMaxPooling2D } from './globalMaxPooling2D';
import { inputLayer } from './inputLayer';
import { layerNormalization } from './layerNormalization';
import { leakyReLU } from './leakyReLU';
import { maximum } from './maximum';
import { maxPooling2D } from './maxPooling2D';
import { multiply } from './multiply';
import { reLU } from './reLU';
import { rescaling } from './rescaling';
import { reshape } from './reshape';
import { separableConv2D } from './separableConv2D';
import { softmax } from './softmax';
import { spatialDropout2D } from './spatialDropout2D';
import { subtract } from './subtract';
import type { LayerDef } from './types';
import { upSampling2D } from './upSampling2D';
import { zeroPadding2D } from './zeroPadding2D';

/**
 * Every layer kind Blockprop knows, listed explicitly (no self-registration on import).
 * Palette order within a family follows this list.
 */
export const layerDefs: readonly LayerDef[] = [
  inputLayer,
  conv2d,
  depthwiseConv2D,
  separableConv2D,
  conv2DTranspose,
  maxPooling2D,
  averagePooling2D,
  globalAveragePooling2D,
  globalMaxPooling2D,
  dense,
  flatten,
  reshape,
  zeroPadding2D,
  cropping2D,
  upSampling2D,
  rescaling,
  dropout,
  spatialDropout2D,
  batchNormalization,
  layerNormalization,
  activation,
  reLU,
  leakyReLU,
  softmax,
  add,
  subtract,
  multiply,
  average,
  maximum,
  concatenate,
];

const byClass = new Map<string, LayerDef>(layerDefs.map((d) => [d.className, d]));

/** The definition of a Keras class, or undefined when Blockprop does not support it. */
export function getLayerDef(className: string): LayerDef | undefined {
  return byClass.get(className);
}
