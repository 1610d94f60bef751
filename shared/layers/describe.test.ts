import { describe, expect, it } from 'vitest';
import type { Params } from '../graph/types';
import { families } from './types';
import { layerDefs } from './registry';
import { def } from './testUtil.test-util';
import { withDefaults } from './validateParam';

type Row = readonly [className: string, params: Params, face: string];

/** What the block face shows. */
const rows: readonly Row[] = [
  ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }, '32 × 3×3, relu'],
  ['Conv2D', { filters: 64, kernel_size: [5, 5] }, '64 × 5×5'],
  ['Conv2D', { filters: 64, kernel_size: [7, 7], strides: [2, 2], activation: 'relu' }, '64 × 7×7, stride 2, relu'],
  ['DepthwiseConv2D', { kernel_size: [3, 3] }, '3×3'],
  ['DepthwiseConv2D', { kernel_size: [3, 3], depth_multiplier: 2, activation: 'relu6' }, '3×3 ×2, relu6'],
  ['SeparableConv2D', { filters: 128, kernel_size: [3, 3] }, '128 × 3×3'],
  ['Conv2DTranspose', { filters: 16, kernel_size: [3, 3], strides: [2, 2] }, '16 × 3×3, stride 2'],
  ['MaxPooling2D', {}, '2×2'],
  ['MaxPooling2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, '3×3, stride 1, same'],
  ['AveragePooling2D', { pool_size: [2, 2] }, '2×2'],
  ['GlobalAveragePooling2D', {}, ''],
  ['Dense', { units: 128, activation: 'relu' }, '128, relu'],
  ['Dense', { units: 10 }, '10'],
  ['Dropout', { rate: 0.25 }, '0.25'],
  ['SpatialDropout2D', { rate: 0.1 }, '0.1'],
  ['InputLayer', { shape: [28, 28, 1] }, '28×28×1'],
  ['InputLayer', { shape: [null, null, 3] }, '?×?×3'],
  ['Flatten', {}, ''],
  ['Reshape', { target_shape: [7, 7, -1] }, '7×7×-1'],
  [
    'ZeroPadding2D',
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    '3',
  ],
  [
    'ZeroPadding2D',
    {
      padding: [
        [0, 1],
        [0, 1],
      ],
    },
    '(0, 1), (0, 1)',
  ],
  [
    'Cropping2D',
    {
      cropping: [
        [1, 1],
        [2, 2],
      ],
    },
    '1, 2',
  ],
  ['UpSampling2D', {}, '2×2'],
  ['UpSampling2D', { interpolation: 'bilinear' }, '2×2, bilinear'],
  ['Rescaling', {}, '×1/255'],
  ['Rescaling', { scale: 1 / 127.5, offset: -1 }, '×0.007843 − 1'],
  ['Activation', { activation: 'softmax' }, 'softmax'],
  ['ReLU', { max_value: 6 }, 'max 6'],
  ['LeakyReLU', {}, '0.3'],
  ['Softmax', {}, ''],
  ['BatchNormalization', {}, ''],
  ['BatchNormalization', { momentum: 0.9 }, 'momentum 0.9'],
  ['LayerNormalization', {}, ''],
  ['Concatenate', {}, ''],
  ['Concatenate', { axis: 1 }, 'axis 1'],
  ['Add', {}, ''],
];

describe('describe', () => {
  it.each(rows)('%s %j -> %s', (className, params, face) => {
    const d = def(className);
    expect(d.describe(withDefaults(d, params))).toBe(face);
  });
});

describe('catalog', () => {
  it('has the 30 classes the palette offers, each once, in a known family', () => {
    expect(layerDefs).toHaveLength(30);
    expect(new Set(layerDefs.map((d) => d.className)).size).toBe(30);
    for (const d of layerDefs) expect(families).toContain(d.family);
  });

  it.each(layerDefs.map((d) => [d.className, d] as const))('%s has a one-line summary and a 2–4 sentence explanation', (_c, d) => {
    expect(d.summary).not.toMatch(/\n/);
    expect(d.summary.length).toBeLessThan(100);
    const sentences = d.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });
});
