import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { run } from './testUtil.test-util';

type Row = readonly [label: string, className: string, input: Shape, params: Params, shape: Shape | string];

const rows: readonly Row[] = [
  ['keras_cnn pool 2 after 24x24x64', 'MaxPooling2D', [null, 24, 24, 64], {}, [null, 12, 12, 64]],
  ['odd input floors', 'MaxPooling2D', [null, 7, 7, 3], { pool_size: [2, 2] }, [null, 3, 3, 3]],
  ['same padding rounds up', 'MaxPooling2D', [null, 7, 7, 3], { pool_size: [2, 2], padding: 'same' }, [null, 4, 4, 3]],
  ['Inception pool 3x3 stride 1 same', 'MaxPooling2D', [null, 28, 28, 192], { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, [null, 28, 28, 192]],
  ['3x3 stride 2 same on odd', 'MaxPooling2D', [null, 7, 7, 3], { pool_size: [3, 3], strides: [2, 2], padding: 'same' }, [null, 4, 4, 3]],
  ['ResNet pool 3x3/2 on 114', 'MaxPooling2D', [null, 114, 114, 64], { pool_size: [3, 3], strides: [2, 2] }, [null, 56, 56, 64]],
  ['unknown size', 'MaxPooling2D', [null, null, 8, 3], {}, [null, null, 4, 3]],
  ['window larger than input (valid)', 'MaxPooling2D', [null, 3, 3, 1], { pool_size: [4, 4] }, 'spatial-size'],
  ['flat input', 'MaxPooling2D', [null, 10], {}, 'input-rank'],
  ['average 3x3 stride 2', 'AveragePooling2D', [null, 35, 35, 4], { pool_size: [3, 3], strides: [2, 2] }, [null, 17, 17, 4]],
  ['average rectangular', 'AveragePooling2D', [null, 9, 8, 2], { pool_size: [3, 2] }, [null, 3, 4, 2]],
  ['global average', 'GlobalAveragePooling2D', [null, 7, 7, 512], {}, [null, 512]],
  ['global average keepdims', 'GlobalAveragePooling2D', [null, 7, 7, 512], { keepdims: true }, [null, 1, 1, 512]],
  ['global max unknown size', 'GlobalMaxPooling2D', [null, null, null, 64], {}, [null, 64]],
  ['global max on a vector', 'GlobalMaxPooling2D', [null, 64], {}, 'input-rank'],
];

describe('pooling shapes (no weights)', () => {
  it.each(rows)('%s', (_label, className, input, params, shape) => {
    const r = run(className, [input], params);
    expect(r.shape).toEqual(shape);
    expect(r.trainable + r.nonTrainable).toBe(0);
  });

  it('warns when a same-padded window is larger than its input', () => {
    const r = run('MaxPooling2D', [[null, 2, 2, 8]], { pool_size: [3, 3], padding: 'same' });
    expect(r.shape).toEqual([null, 1, 1, 8]);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['pool-larger-than-input', 'warning']]);
  });

  it('writes strides = pool_size when strides is unset, as Keras does', () => {
    const r = run('MaxPooling2D', [[null, 8, 8, 1]], { pool_size: [3, 3] });
    expect(r.shape).toEqual([null, 2, 2, 1]);
  });
});
