import { describe, expect, it } from 'vitest';
import { parseArgs, type ArgSpec } from './args';
import { backendOf, backendOption, datasetOption, datasetRefOf, wholeNumber } from './options';

const spec: ArgSpec = {
  positionals: [],
  options: [backendOption, datasetOption(''), { name: 'limit', kind: 'value', help: '' }],
};
const parsed = (...argv: string[]) => {
  const r = parseArgs(argv, spec);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('shared CLI options', () => {
  it.each([
    { arg: 'mnist', ref: { kind: 'mnist' } },
    { arg: 'fashion-mnist', ref: { kind: 'fashion-mnist' } },
    { arg: '/data/cats_dogs', ref: { kind: 'folder', path: '/data/cats_dogs' } },
  ])('--dataset $arg', ({ arg, ref }) => {
    expect(datasetRefOf(arg)).toEqual(ref);
  });

  it.each([['wasm'], ['native'], ['simd'], ['cpu'], ['auto']] as const)('--backend %s', (name) => {
    expect(backendOf(parsed('--backend', name))).toBe(name);
  });

  it('--backend defaults to auto and refuses names it does not know, listing the ones it does', () => {
    expect(backendOf(parsed())).toBe('auto');
    const r = parseArgs(['--backend', 'gpu'], spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^--backend must be one of auto, .*cpu.* \(got 'gpu'\)$/);
  });

  it.each([
    [[], 1, undefined],
    [['--limit', '5'], 1, 5],
    [['--limit', '0'], 1, null],
    [['--limit', '0'], 0, 0],
    [['--limit', '2.5'], 1, null],
    [['--limit', 'ten'], 1, null],
  ] as const)('whole number %j (min %i) -> %s', (argv, min, expected) => {
    expect(wholeNumber(parsed(...argv), 'limit', min)).toBe(expected);
  });
});
