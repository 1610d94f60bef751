import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { CliCommand } from './command';
import { clip, clipMessageLine, escapeControls, terminalIo } from './terminalText';

describe('terminal output', () => {
  it('escapes control characters and bidi overrides, keeps newline and tab', () => {
    expect(escapeControls('a\u001b[2Jb\u001b]0;title\u0007c\r\u0085\u202e\td\n')).toBe('a\\u001b[2Jb\\u001b]0;title\\u0007c\\u000d\\u0085\\u202e\td\n');
  });

  it('escaped stdout stays valid JSON', () => {
    const json = JSON.stringify({ name: 'x\u0085\u202ey' });
    expect(JSON.parse(escapeControls(json))).toEqual({ name: 'x\u0085\u202ey' });
  });

  it('clips echoed strings at 200 characters with an ellipsis, and message lines at 2000', () => {
    expect(clip('a'.repeat(500))).toBe(`${'a'.repeat(200)}…`);
    expect(clip(`${'a'.repeat(199)}😀`)).toBe(`${'a'.repeat(199)}…`);
    const line = `error: Dense '${'n'.repeat(10_000_000)}' gets a 4-D tensor; add a Flatten.`;
    const clipped = clipMessageLine(line);
    expect(clipped).toBe(`error: Dense '${'n'.repeat(200)}…' gets a 4-D tensor; add a Flatten.`);
    expect(clipMessageLine('x '.repeat(5000)).length).toBe(2001);
  });

  it('every command prints through it: a hostile name cannot drive the terminal', async () => {
    const evil: CliCommand = {
      name: 'evil',
      summary: 'prints a hostile name',
      run: ({ io }) => {
        io.out('model \u001b]0;pwned\u0007\n');
        io.err(`error: layer '${'\u001b[2J'.repeat(1000)}' is bad\n`);
        return 1;
      },
    };
    let out = '';
    let err = '';
    const code = await runCli([evil], ['evil'], { out: (t) => void (out += t), err: (t) => void (err += t) });
    expect(code).toBe(1);
    expect(out).toBe('model \\u001b]0;pwned\\u0007\n');
    expect(err).not.toMatch(/\u001b/);
    expect(err.length).toBeLessThan(260);
    const io = terminalIo({ out: () => undefined, err: () => undefined });
    expect(typeof io.err).toBe('function');
  });
});
