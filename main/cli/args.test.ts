import { describe, expect, it } from 'vitest';
import { parseArgs, synopsis, type ArgSpec } from './args';
import { runCli } from './cli';
import type { CliCommand } from './command';

const spec: ArgSpec = {
  positionals: [
    { name: 'FILE', required: true },
    { name: 'EXTRA', required: false },
  ],
  options: [
    { name: 'json', kind: 'flag', help: '' },
    { name: 'format', kind: 'value', choices: ['keras3', 'keras2'], help: '' },
    { name: 'output', short: 'o', kind: 'value', valueName: 'OUT', help: '' },
  ],
};

describe('parseArgs', () => {
  it.each<[string[], { positionals: string[]; flags: string[]; values: [string, string][] }]>([
    [['a.json'], { positionals: ['a.json'], flags: [], values: [] }],
    [['a.json', '--json'], { positionals: ['a.json'], flags: ['json'], values: [] }],
    [
      ['--format', 'keras2', 'a.json', '-o', 'out.json'],
      {
        positionals: ['a.json'],
        flags: [],
        values: [
          ['format', 'keras2'],
          ['output', 'out.json'],
        ],
      },
    ],
    [
      ['a.json', '--format=keras3', '--output=-'],
      {
        positionals: ['a.json'],
        flags: [],
        values: [
          ['format', 'keras3'],
          ['output', '-'],
        ],
      },
    ],
    [['--', '--json', 'b'], { positionals: ['--json', 'b'], flags: [], values: [] }],
    [['a.json', '-o', '-'], { positionals: ['a.json'], flags: [], values: [['output', '-']] }],
    [['-', '--json'], { positionals: ['-'], flags: ['json'], values: [] }],
  ])('%j', (argv, expected) => {
    const r = parseArgs(argv, spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.positionals]).toEqual(expected.positionals);
    expect([...r.value.flags]).toEqual(expected.flags);
    expect([...r.value.values]).toEqual(expected.values);
  });

  it.each<[string[], string]>([
    [[], 'missing FILE'],
    [['a', 'b', 'c'], "unexpected argument 'c'"],
    [['a', '--nope'], 'unknown option --nope'],
    [['a', '-x'], 'unknown option -x'],
    [['a', '--format'], '--format VALUE needs a value'],
    [['a', '-o', '--json'], '--output OUT needs a value'],
    [['a', '--format', 'onnx'], "--format must be one of keras3, keras2 (got 'onnx')"],
    [['a', '--json=1'], '--json takes no value'],
    [['a', '-o', 'x', '-o', 'y'], '--output is given twice'],
    [['a', '--format=-1'], "--format must be one of keras3, keras2 (got '-1')"],
    [['a', '-jx'], 'unknown option -j'],
    [['a', '--nope=1'], 'unknown option --nope'],
  ])('%j -> %s', (argv, message) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, error: { message } });
  });

  it('synopsis', () => {
    expect(synopsis(spec)).toBe('FILE [EXTRA] [--json] [--format keras3|keras2] [-o|--output OUT]');
  });
});

describe('runCli with a command table', () => {
  const echo: CliCommand = {
    name: 'echo',
    summary: 'print FILE',
    args: { positionals: [{ name: 'FILE', required: true }], options: [{ name: 'loud', kind: 'flag', help: 'shout' }] },
    run: ({ args, io }) => {
      const text = args.positionals[0] ?? '';
      io.out(`${args.flags.has('loud') ? text.toUpperCase() : text}\n`);
      return 0;
    },
  };
  const boom: CliCommand = {
    name: 'boom',
    summary: 'throws',
    run: () => {
      throw new Error('kaput');
    },
  };
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli([echo, boom], argv, {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    });
    return { code, out, err };
  };

  it('dispatches, parses, and answers --help per command', async () => {
    expect(await run('echo', 'hi', '--loud')).toEqual({ code: 0, out: 'HI\n', err: '' });
    expect((await run('echo', '--help')).out).toContain('Usage: blockprop echo FILE [--loud]');
    expect((await run('--help')).out).toContain('  blockprop echo FILE [--loud]\n      print FILE\n');
  });

  it('usage errors and bugs are one line, exit 2', async () => {
    expect(await run('echo')).toEqual({ code: 2, out: '', err: 'blockprop echo: missing FILE. Usage: blockprop echo FILE [--loud]\n' });
    expect(await run('boom')).toEqual({ code: 2, out: '', err: 'blockprop boom: internal error: kaput (this is a Blockprop bug; please report it)\n' });
    expect((await run('nope')).code).toBe(2);
  });
});
