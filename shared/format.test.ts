import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatShape } from './format';

describe('formatShape', () => {
  it.each([
    [[null, 26, 26, 32], '(None, 26, 26, 32)'],
    [[null, 9216], '(None, 9216)'],
    [[null, null, 3], '(None, None, 3)'],
    [[null], '(None)'],
  ])('%j -> %s', (shape, text) => expect(formatShape(shape)).toBe(text));
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [320, '320'],
    [1290, '1,290'],
    [1199882, '1,199,882'],
    [33605442, '33,605,442'],
    [1000000, '1,000,000'],
    [-1234, '-1,234'],
  ])('%d -> %s', (n, text) => expect(formatCount(n)).toBe(text));
});

describe('formatBytes (Keras readable_memory_size)', () => {
  it.each([
    [0, '0.00 B'],
    [1023, '1023.00 B'],
    [1024, '1.00 KB'],
    [163696 * 4, '639.44 KB'],
    [1199882 * 4, '4.58 MB'],
    [33605442 * 4, '128.19 MB'],
    // 1.125 KB: Python rounds the tie to even ("1.12"), JS toFixed would say "1.13".
    [1152, '1.12 KB'],
    [1408, '1.38 KB'],
    [1024 ** 3 * 3, '3.00 GB'],
  ])('%d bytes -> %s', (b, text) => expect(formatBytes(b)).toBe(text));
});
