import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pythonFloat, toKerasJsonString } from './jsonString';

describe('pythonFloat', () => {
  it.each([
    [0.25, '0.25'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [0.00012, '0.00012'],
    [-2.5e-7, '-2.5e-07'],
    [123456.5, '123456.5'],
    [1.5e20, '1.5e+20'],
    [0.009999999776482582, '0.009999999776482582'],
    [1 / 255, '0.00392156862745098'],
    [3, '3'],
    [-0, '0'],
  ])('%s -> %s', (x, text) => {
    expect(pythonFloat(x)).toBe(text);
  });
});

describe('toKerasJsonString', () => {
  it('writes separators and escapes like json.dumps', () => {
    expect(toKerasJsonString({ a: [1, null, true], b: 'é"' })).toBe('{"a": [1, null, true], "b": "\\u00e9\\""}');
  });

  it.each(['keras_cnn', 'inception_module'])('reproduces real Keras to_json() text of %s byte for byte', (name) => {
    const text = readFileSync(`${__dirname}/../../tests/fixtures/keras/${name}.keras3.json`, 'utf8');
    expect(toKerasJsonString(JSON.parse(text))).toBe(text);
  });
});
