import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { run } from './testUtil.test-util';

type Row = readonly [label: string, className: string, input: Shape, params: Params, shape: Shape | string, params: number];

/** Convolution family: shapes and parameter counts as Keras 3 prints them. */
const rows: readonly Row[] = [
  // the chapter's models
  ['keras_cnn conv 32 3x3 on 28x28x1', 'Conv2D', [null, 28, 28, 1], { filters: 32, kernel_size: [3, 3], activation: 'relu' }, [null, 26, 26, 32], 320],
  ['keras_cnn conv 64 3x3', 'Conv2D', [null, 26, 26, 32], { filters: 64, kernel_size: [3, 3] }, [null, 24, 24, 64], 18496],
  ['cnn 64 5x5 on 28x28x1', 'Conv2D', [null, 28, 28, 1], { filters: 64, kernel_size: [5, 5] }, [null, 24, 24, 64], 1664],
  ['VGG16 block1_conv1 on 50x50x3', 'Conv2D', [null, 50, 50, 3], { filters: 64, kernel_size: [3, 3], padding: 'same' }, [null, 50, 50, 64], 1792],
  ['VGG16 block5_conv3', 'Conv2D', [null, 14, 14, 512], { filters: 512, kernel_size: [3, 3], padding: 'same' }, [null, 14, 14, 512], 2359808],
  // padding, strides, dilation, odd sizes
  ['same, stride 2, odd input', 'Conv2D', [null, 7, 9, 3], { filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }, [null, 4, 5, 8], 224],
  ['valid, mixed strides, no bias', 'Conv2D', [null, 7, 9, 3], { filters: 8, kernel_size: [3, 5], strides: [2, 3], use_bias: false }, [null, 3, 2, 8], 360],
  ['dilation 2', 'Conv2D', [null, 11, 11, 2], { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2] }, [null, 7, 7, 4], 76],
  ['ResNet conv1 7x7/2 on padded 230', 'Conv2D', [null, 230, 230, 3], { filters: 64, kernel_size: [7, 7], strides: [2, 2] }, [null, 112, 112, 64], 9472],
  ['unknown spatial size', 'Conv2D', [null, null, null, 3], { filters: 4, kernel_size: [3, 3] }, [null, null, null, 4], 112],
  ['kernel exactly the input size', 'Conv2D', [null, 3, 3, 1], { filters: 2, kernel_size: [3, 3] }, [null, 1, 1, 2], 20],
  ['kernel larger than input', 'Conv2D', [null, 3, 3, 1], { filters: 4, kernel_size: [5, 5] }, 'spatial-size', 0],
  ['dilated kernel larger than input', 'Conv2D', [null, 4, 4, 1], { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2] }, 'spatial-size', 0],
  ['1x1 on 28x28x192', 'Conv2D', [null, 28, 28, 192], { filters: 64, kernel_size: [1, 1] }, [null, 28, 28, 64], 12352],
  ['flat input', 'Conv2D', [null, 784], { filters: 4 }, 'input-rank', 0],
  ['unknown channels', 'Conv2D', [null, 8, 8, null], { filters: 4 }, 'undefined-dim', 0],
  // depthwise
  ['depthwise 3x3 x2 same', 'DepthwiseConv2D', [null, 10, 10, 8], { kernel_size: [3, 3], depth_multiplier: 2, padding: 'same' }, [null, 10, 10, 16], 160],
  ['MobileNet conv_dw_2 stride 2', 'DepthwiseConv2D', [null, 113, 113, 64], { kernel_size: [3, 3], strides: [2, 2], use_bias: false }, [null, 56, 56, 64], 576],
  ['depthwise stride 2 valid', 'DepthwiseConv2D', [null, 15, 15, 32], { kernel_size: [3, 3], strides: [2, 2], use_bias: false }, [null, 7, 7, 32], 288],
  // separable
  ['separable 64 3x3 same', 'SeparableConv2D', [null, 20, 20, 32], { filters: 64, kernel_size: [3, 3], padding: 'same' }, [null, 20, 20, 64], 2400],
  [
    'separable depth_multiplier 2 stride 2',
    'SeparableConv2D',
    [null, 21, 21, 3],
    { filters: 16, kernel_size: [5, 5], depth_multiplier: 2, strides: [2, 2] },
    [null, 9, 9, 16],
    262,
  ],
  // transposed
  [
    'transpose same stride 2',
    'Conv2DTranspose',
    [null, 7, 7, 32],
    { filters: 16, kernel_size: [3, 3], strides: [2, 2], padding: 'same' },
    [null, 14, 14, 16],
    4624,
  ],
  ['transpose valid 4x4 stride 2', 'Conv2DTranspose', [null, 7, 7, 3], { filters: 8, kernel_size: [4, 4], strides: [2, 2] }, [null, 16, 16, 8], 392],
  [
    'transpose output_padding same',
    'Conv2DTranspose',
    [null, 7, 7, 3],
    { filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same', output_padding: [1, 1] },
    [null, 14, 14, 8],
    224,
  ],
  [
    'transpose output_padding valid',
    'Conv2DTranspose',
    [null, 5, 6, 3],
    { filters: 8, kernel_size: [3, 2], strides: [3, 2], output_padding: [2, 1], use_bias: false },
    [null, 17, 13, 8],
    144,
  ],
  [
    'transpose dilation, unknown width',
    'Conv2DTranspose',
    [null, 5, null, 3],
    { filters: 2, kernel_size: [3, 3], dilation_rate: [2, 2] },
    [null, 9, null, 2],
    56,
  ],
  ['transpose stride 1 valid grows by k-1', 'Conv2DTranspose', [null, 1, 1, 4], { filters: 1, kernel_size: [3, 3] }, [null, 3, 3, 1], 37],
];

describe('convolution shapes and parameter counts', () => {
  it.each(rows)('%s', (_label, className, input, params, shape, count) => {
    const r = run(className, [input], params);
    expect(r.shape).toEqual(shape);
    expect(r.trainable).toBe(count);
    expect(r.nonTrainable).toBe(0);
  });
});

describe('convolution checks', () => {
  it('refuses strides > 1 with dilation > 1, as Keras does', () => {
    const r = run('Conv2D', [[null, 9, 9, 1]], { filters: 4, kernel_size: [3, 3], strides: [2, 2], dilation_rate: [2, 2] });
    expect(r.issues.map((i) => [i.code, i.severity, i.param])).toEqual([['strides-with-dilation', 'error', 'dilation_rate']]);
    expect(r.issues[0]?.message).toMatch(/set strides to 1×1 or dilation_rate to 1×1/);
  });

  it('refuses depth_multiplier < 1 and filters < 1', () => {
    expect(run('DepthwiseConv2D', [[null, 9, 9, 1]], { depth_multiplier: 0 }).issues.map((i) => [i.code, i.param])).toEqual([
      ['invalid-param', 'depth_multiplier'],
    ]);
    expect(run('Conv2D', [[null, 9, 9, 1]], { filters: -3 }).issues.map((i) => [i.code, i.param])).toEqual([['invalid-param', 'filters']]);
  });

  it('refuses output_padding >= strides on Conv2DTranspose', () => {
    const r = run('Conv2DTranspose', [[null, 7, 7, 1]], { filters: 2, strides: [2, 2], output_padding: [2, 1] });
    expect(r.issues.map((i) => i.code)).toEqual(['output-padding']);
  });

  it('names the kernel and input sizes when the output would vanish', () => {
    const r = run('Conv2D', [[null, 3, 3, 1]], { filters: 4, kernel_size: [5, 5] });
    expect(!r.out.ok && r.out.error.message).toBe(
      "has a 5×5 kernel but its input is only 3×3, so its output would be -1×-1; use padding 'same', a smaller kernel or stride, or a larger input",
    );
  });
});
