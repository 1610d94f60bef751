import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../../shared/layers/types';
import { formatParamText, parseParamText } from './paramText';

const spec = (s: Partial<ParamSpec> & Pick<ParamSpec, 'type'>): ParamSpec => ({ name: 'p', default: null, help: '', ...s }) as ParamSpec;

describe('parseParamText', () => {
  it.each([
    { s: spec({ type: 'int' }), text: '32', value: 32 },
    { s: spec({ type: 'int', nullable: true }), text: '', value: null },
    { s: spec({ type: 'float' }), text: '0.25', value: 0.25 },
    { s: spec({ type: 'tuple', length: 2 }), text: '3, 3', value: [3, 3] },
    { s: spec({ type: 'tuple', length: 2 }), text: '5', value: [5, 5] },
    { s: spec({ type: 'tuple', length: 2 }), text: '(2×2)', value: [2, 2] },
    { s: spec({ type: 'shape' }), text: '28, 28, 1', value: [28, 28, 1] },
    { s: spec({ type: 'shape' }), text: 'None, None, 3', value: [null, null, 3] },
    { s: spec({ type: 'ints' }), text: '7, 7, 64', value: [7, 7, 64] },
    { s: spec({ type: 'axis' }), text: '-1', value: -1 },
    {
      s: spec({ type: 'padding2d' }),
      text: '1',
      value: [
        [1, 1],
        [1, 1],
      ],
    },
    {
      s: spec({ type: 'padding2d' }),
      text: '1, 2',
      value: [
        [1, 1],
        [2, 2],
      ],
    },
    {
      s: spec({ type: 'padding2d' }),
      text: '0, 1, 0, 1',
      value: [
        [0, 1],
        [0, 1],
      ],
    },
  ])('$text as $s.type', ({ s, text, value }) => {
    expect(parseParamText(s, text)).toEqual({ ok: true, value });
  });

  it.each([
    { s: spec({ type: 'int' }), text: '3.5' },
    { s: spec({ type: 'int' }), text: '' },
    { s: spec({ type: 'float' }), text: 'abc' },
    { s: spec({ type: 'tuple', length: 2 }), text: '3, 3, 3' },
    { s: spec({ type: 'tuple', length: 2 }), text: 'a' },
    { s: spec({ type: 'padding2d' }), text: '1, 2, 3' },
  ])('refuses $text as $s.type', ({ s, text }) => {
    expect(parseParamText(s, text).ok).toBe(false);
  });

  it('formats what it parses', () => {
    expect(
      formatParamText(spec({ type: 'padding2d' }), [
        [0, 1],
        [0, 1],
      ]),
    ).toBe('0, 1, 0, 1');
    expect(formatParamText(spec({ type: 'shape' }), [null, 3])).toBe('None, 3');
  });
});
