import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { run } from './testUtil.test-util';

type Row = readonly [label: string, className: string, input: Shape, params: Params, shape: Shape | string, params: number];

/** Core layers: Dense, Flatten, Reshape, padding/cropping/upsampling, Rescaling, Dropout, InputLayer. */
const rows: readonly Row[] = [
  ['keras_cnn Dense 128 on 9216', 'Dense', [null, 9216], { units: 128, activation: 'relu' }, [null, 128], 1179776],
  ['keras_cnn Dense 10', 'Dense', [null, 128], { units: 10 }, [null, 10], 1290],
  ['TF FC 784 -> 1024', 'Dense', [null, 784], { units: 1024 }, [null, 1024], 803840],
  ['FC 200-200', 'Dense', [null, 200], { units: 200 }, [null, 200], 40200],
  ['Dense without bias', 'Dense', [null, 5], { units: 3, use_bias: false }, [null, 3], 15],
  ['Dense acts on the last axis of a 4-D tensor', 'Dense', [null, 12, 12, 64], { units: 10 }, [null, 12, 12, 10], 650],
  ['Dense on unknown features', 'Dense', [null, null], { units: 10 }, 'undefined-dim', 0],
  ['Dense on a scalar per example', 'Dense', [null], { units: 10 }, 'input-rank', 0],
  ['Flatten 12x12x64', 'Flatten', [null, 12, 12, 64], {}, [null, 9216], 0],
  ['Flatten with an unknown size', 'Flatten', [null, null, 12, 64], {}, [null, null], 0],
  ['Flatten of a vector', 'Flatten', [null, 10], {}, [null, 10], 0],
  ['Flatten of a batch of scalars', 'Flatten', [null], {}, [null, 1], 0],
  ['Reshape 784 -> 28x28x1', 'Reshape', [null, 784], { target_shape: [28, 28, 1] }, [null, 28, 28, 1], 0],
  ['Reshape with -1', 'Reshape', [null, 784], { target_shape: [7, 7, -1] }, [null, 7, 7, 16], 0],
  ['Reshape -1 alone flattens', 'Reshape', [null, 3, 4], { target_shape: [-1] }, [null, 12], 0],
  ['Reshape size mismatch', 'Reshape', [null, 24], { target_shape: [5, 5] }, 'reshape-size', 0],
  ['Reshape -1 that does not divide', 'Reshape', [null, 25], { target_shape: [2, -1] }, 'reshape-size', 0],
  ['Reshape of an unknown size keeps -1 unknown', 'Reshape', [null, null, 4], { target_shape: [-1, 2] }, [null, null, 2], 0],
  [
    'ZeroPadding2D 3 for ResNet',
    'ZeroPadding2D',
    [null, 224, 224, 3],
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    [null, 230, 230, 3],
    0,
  ],
  [
    'ZeroPadding2D asymmetric, unknown width',
    'ZeroPadding2D',
    [null, 10, null, 3],
    {
      padding: [
        [1, 2],
        [3, 4],
      ],
    },
    [null, 13, null, 3],
    0,
  ],
  [
    'Cropping2D',
    'Cropping2D',
    [null, 10, 10, 3],
    {
      cropping: [
        [2, 2],
        [1, 0],
      ],
    },
    [null, 6, 9, 3],
    0,
  ],
  [
    'Cropping2D too much',
    'Cropping2D',
    [null, 4, 4, 1],
    {
      cropping: [
        [2, 2],
        [0, 0],
      ],
    },
    'spatial-size',
    0,
  ],
  ['UpSampling2D 2x3', 'UpSampling2D', [null, 4, 5, 6], { size: [2, 3] }, [null, 8, 15, 6], 0],
  ['Rescaling keeps the shape', 'Rescaling', [null, 28, 28, 1], {}, [null, 28, 28, 1], 0],
  ['Dropout keeps the shape', 'Dropout', [null, 12, 12, 64], { rate: 0.25 }, [null, 12, 12, 64], 0],
  ['SpatialDropout2D needs an image', 'SpatialDropout2D', [null, 64], { rate: 0.2 }, 'input-rank', 0],
];

describe('core layer shapes and parameter counts', () => {
  it.each(rows)('%s', (_label, className, input, params, shape, count) => {
    const r = run(className, [input], params);
    expect(r.shape).toEqual(shape);
    expect(r.trainable).toBe(count);
  });

  it('InputLayer gives (None, ...shape), or a fixed batch', () => {
    expect(run('InputLayer', [], { shape: [28, 28, 1] }).shape).toEqual([null, 28, 28, 1]);
    expect(run('InputLayer', [], { shape: [784], batch_size: 32 }).shape).toEqual([32, 784]);
  });

  it('warns about Dense on a 4-D tensor and suggests a Flatten', () => {
    const r = run('Dense', [[null, 12, 12, 64]], { units: 10 });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['dense-on-4d', 'warning']]);
    expect(r.issues[0]?.message).toBe(
      'gets a 4-D tensor (None, 12, 12, 64) and acts only on its last axis; add a Flatten (or GlobalAveragePooling2D) before it',
    );
    expect(run('Dense', [[null, 9216]], { units: 10 }).issues).toEqual([]);
  });

  it('warns about Dropout rates above 0.9 and refuses rates above 1', () => {
    expect(run('Dropout', [[null, 10]], { rate: 0.95 }).issues.map((i) => [i.code, i.severity])).toEqual([['dropout-rate-high', 'warning']]);
    expect(run('Dropout', [[null, 10]], { rate: 0.9 }).issues).toEqual([]);
    expect(run('Dropout', [[null, 10]], { rate: 1.5 }).issues.map((i) => [i.code, i.severity])).toEqual([['invalid-param', 'error']]);
  });

  it('explains a reshape size mismatch with both sizes', () => {
    const r = run('Reshape', [[null, 24]], { target_shape: [5, 5] });
    expect(!r.out.ok && r.out.error.message).toBe(
      'cannot reshape (None, 24) (24 values) to 5×5 (25 values); choose a target_shape with the same number of values, or use -1 for one axis',
    );
  });
});
