import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { def, run } from './testUtil.test-util';
import { defaultParams } from './validateParam';

type Row = readonly [label: string, className: string, input: Shape, params: Params, shape: Shape | string, trainable: number, nonTrainable: number];

const rows: readonly Row[] = [
  ['BN on 64 channels: 4*C, 2*C non-trainable', 'BatchNormalization', [null, 8, 8, 64], {}, [null, 8, 8, 64], 128, 128],
  ['BN on a Dense output', 'BatchNormalization', [null, 1024], {}, [null, 1024], 2048, 2048],
  ['BN without center', 'BatchNormalization', [null, 8, 8, 32], { center: false }, [null, 8, 8, 32], 32, 64],
  ['BN without center and scale', 'BatchNormalization', [null, 8, 8, 32], { center: false, scale: false }, [null, 8, 8, 32], 0, 64],
  ['BN axis 1', 'BatchNormalization', [null, 8, 6, 32], { axis: 1 }, [null, 8, 6, 32], 16, 16],
  ['BN axis out of range', 'BatchNormalization', [null, 8], { axis: 3 }, 'bad-axis', 0, 0],
  ['BN on unknown channels', 'BatchNormalization', [null, 8, 8, null], {}, 'undefined-dim', 0, 0],
  ['LayerNorm last axis', 'LayerNormalization', [null, 10, 16], {}, [null, 10, 16], 32, 0],
  ['LayerNorm without scale', 'LayerNormalization', [null, 10, 16], { scale: false }, [null, 10, 16], 16, 0],
  ['LayerNorm over two axes', 'LayerNormalization', [null, 4, 5, 6], { axis: [2, 1] }, [null, 4, 5, 6], 40, 0],
];

describe('normalization shapes and parameter counts', () => {
  it.each(rows)('%s', (_label, className, input, params, shape, trainable, nonTrainable) => {
    const r = run(className, [input], params);
    expect(r.shape).toEqual(shape);
    expect(r.trainable).toBe(trainable);
    expect(r.nonTrainable).toBe(nonTrainable);
  });

  it('orders the weights as Keras does: gamma, beta, then the non-trainable moving statistics', () => {
    const weights = def('BatchNormalization').weights([[null, 4]], defaultParams(def('BatchNormalization')));
    expect(weights.map((w) => [w.name, w.shape, w.trainable])).toEqual([
      ['gamma', [4], true],
      ['beta', [4], true],
      ['moving_mean', [4], false],
      ['moving_variance', [4], false],
    ]);
  });
});
