import { describe, expect, it } from 'vitest';
import { camelToSnake, convertKeys, isCamelCase, snakeToCamel } from './case';

describe('snake_case <-> camelCase', () => {
  it.each([
    ['kernel_size', 'kernelSize'],
    ['batch_input_shape', 'batchInputShape'],
    ['use_bias', 'useBias'],
    ['filters', 'filters'],
    ['l1', 'l1'],
    ['moving_variance_initializer', 'movingVarianceInitializer'],
  ])('%s <-> %s', (snake, camel) => {
    expect(snakeToCamel(snake)).toBe(camel);
    expect(camelToSnake(camel)).toBe(snake);
  });

  it('tells camelCase keys apart', () => {
    expect(isCamelCase('kernelSize')).toBe(true);
    expect(isCamelCase('kernel_size')).toBe(false);
    expect(isCamelCase('Conv2D')).toBe(true);
  });

  it('converts nested keys, not values', () => {
    expect(convertKeys({ kernel_size: [3, 3], nested: [{ use_bias: 'keep_me' }] }, snakeToCamel)).toEqual({
      kernelSize: [3, 3],
      nested: [{ useBias: 'keep_me' }],
    });
  });
});
