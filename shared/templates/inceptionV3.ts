import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';

/*
 * InceptionV3 as keras.applications.InceptionV3(weights=None) builds it (keras/src/applications/
 * inception_v3.py): 313 layers, 23,851,784 parameters. Its conv2d_bn helper leaves the layers
 * unnamed, so they get Keras's automatic names (conv2d, conv2d_1, …, batch_normalization_93,
 * activation_93); the order of the calls below is therefore part of the model.
 */

interface ConvOpts {
  readonly strides?: number;
  readonly padding?: 'same' | 'valid';
}

/** Conv2D (no bias) -> BatchNormalization(axis=3, scale=False) -> Activation('relu'). */
function convBn(b: GraphBuilder, x: string, filters: number, rows: number, cols: number, opts: ConvOpts = {}): string {
  const s = opts.strides ?? 1;
  const conv = b.layer('Conv2D', { filters, kernel_size: [rows, cols], strides: [s, s], padding: opts.padding ?? 'same', use_bias: false }, x);
  const norm = b.layer('BatchNormalization', { axis: 3, scale: false }, conv);
  return b.layer('Activation', { activation: 'relu' }, norm);
}

function avgPool3(b: GraphBuilder, x: string): string {
  return b.layer('AveragePooling2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, x);
}

function maxPool3s2(b: GraphBuilder, x: string): string {
  return b.layer('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, x);
}

function concat(b: GraphBuilder, inputs: readonly string[], name?: string): string {
  return b.layer('Concatenate', { axis: 3 }, inputs, name);
}

/** mixed0-2: 35 x 35 blocks (1x1, 5x5, double 3x3, pool). */
function block35(b: GraphBuilder, x: string, poolFilters: number, name: string): string {
  const b1 = convBn(b, x, 64, 1, 1);
  let b5 = convBn(b, x, 48, 1, 1);
  b5 = convBn(b, b5, 64, 5, 5);
  let b3 = convBn(b, x, 64, 1, 1);
  b3 = convBn(b, b3, 96, 3, 3);
  b3 = convBn(b, b3, 96, 3, 3);
  const bp = convBn(b, avgPool3(b, x), poolFilters, 1, 1);
  return concat(b, [b1, b5, b3, bp], name);
}

/** mixed4-7: 17 x 17 blocks with factorised 7x7 convolutions of width `c`. */
function block17(b: GraphBuilder, x: string, c: number, name: string): string {
  const b1 = convBn(b, x, 192, 1, 1);
  let b7 = convBn(b, x, c, 1, 1);
  b7 = convBn(b, b7, c, 1, 7);
  b7 = convBn(b, b7, 192, 7, 1);
  let bd = convBn(b, x, c, 1, 1);
  bd = convBn(b, bd, c, 7, 1);
  bd = convBn(b, bd, c, 1, 7);
  bd = convBn(b, bd, c, 7, 1);
  bd = convBn(b, bd, 192, 1, 7);
  const bp = convBn(b, avgPool3(b, x), 192, 1, 1);
  return concat(b, [b1, b7, bd, bp], name);
}

/** mixed9-10: 8 x 8 blocks with split 1x3 / 3x1 branches. */
function block8(b: GraphBuilder, x: string, i: number): string {
  const b1 = convBn(b, x, 320, 1, 1);
  const b3 = convBn(b, x, 384, 1, 1);
  const b3a = convBn(b, b3, 384, 1, 3);
  const b3b = convBn(b, b3, 384, 3, 1);
  const b3cat = concat(b, [b3a, b3b], `mixed9_${i}`);
  let bd = convBn(b, x, 448, 1, 1);
  bd = convBn(b, bd, 384, 3, 3);
  const bda = convBn(b, bd, 384, 1, 3);
  const bdb = convBn(b, bd, 384, 3, 1);
  const bdcat = concat(b, [bda, bdb]);
  const bp = convBn(b, avgPool3(b, x), 192, 1, 1);
  return concat(b, [b1, b3cat, bdcat, bp], `mixed${9 + i}`);
}

export function buildInceptionV3(): Graph {
  const b = new GraphBuilder('inception_v3', 'Functional');
  let x = b.input([299, 299, 3]);
  x = convBn(b, x, 32, 3, 3, { strides: 2, padding: 'valid' });
  x = convBn(b, x, 32, 3, 3, { padding: 'valid' });
  x = convBn(b, x, 64, 3, 3);
  x = maxPool3s2(b, x);
  x = convBn(b, x, 80, 1, 1, { padding: 'valid' });
  x = convBn(b, x, 192, 3, 3, { padding: 'valid' });
  x = maxPool3s2(b, x);

  x = block35(b, x, 32, 'mixed0');
  x = block35(b, x, 64, 'mixed1');
  x = block35(b, x, 64, 'mixed2');

  // mixed3: 35 x 35 -> 17 x 17
  const r3 = convBn(b, x, 384, 3, 3, { strides: 2, padding: 'valid' });
  let rd = convBn(b, x, 64, 1, 1);
  rd = convBn(b, rd, 96, 3, 3);
  rd = convBn(b, rd, 96, 3, 3, { strides: 2, padding: 'valid' });
  x = concat(b, [r3, rd, maxPool3s2(b, x)], 'mixed3');

  x = block17(b, x, 128, 'mixed4');
  x = block17(b, x, 160, 'mixed5');
  x = block17(b, x, 160, 'mixed6');
  x = block17(b, x, 192, 'mixed7');

  // mixed8: 17 x 17 -> 8 x 8
  let s3 = convBn(b, x, 192, 1, 1);
  s3 = convBn(b, s3, 320, 3, 3, { strides: 2, padding: 'valid' });
  let s7 = convBn(b, x, 192, 1, 1);
  s7 = convBn(b, s7, 192, 1, 7);
  s7 = convBn(b, s7, 192, 7, 1);
  s7 = convBn(b, s7, 192, 3, 3, { strides: 2, padding: 'valid' });
  x = concat(b, [s3, s7, maxPool3s2(b, x)], 'mixed8');

  x = block8(b, x, 0);
  x = block8(b, x, 1);
  b.chain(x, [
    ['GlobalAveragePooling2D', {}, 'avg_pool'],
    ['Dense', { units: 1000, activation: 'softmax' }, 'predictions'],
  ]);
  return b.build();
}
