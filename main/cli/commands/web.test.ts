import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './web';

describe('blockprop web arguments', () => {
  it.each([
    [[], { port: 0, open: true }],
    [['--no-open'], { port: 0, open: false }],
    [['--port', '8080'], { port: 8080, open: true }],
    [['--port=9000', '--no-open'], { port: 9000, open: false }],
  ])('%j -> %j', (args, expected) => {
    expect(parseWebArgs(args)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [['--port'], /--port needs a number/],
    [['--port', 'abc'], /--port needs a number/],
    [['--port', '70000'], /--port needs a number/],
    [['--host', '0.0.0.0'], /Unknown option --host/],
  ])('%j is a usage error', (args, message) => {
    const parsed = parseWebArgs(args);
    expect(!parsed.ok && parsed.error.message).toMatch(message);
  });
});
