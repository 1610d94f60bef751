import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultTraining, type DatasetRef, type TrainingSettings } from '../project/schema';
import { generatePython, type PythonOptions } from './generatePython';
import { templateAndFixtureGraphs } from '../../tests/fixtures/keras/load';
import { needTool, skipWithout } from '../../tests/requireTools.test-util';

/*
 * Every generated script is valid Python: CPython's own parser (ast.parse) reads each one. One
 * python3 process checks them all. Where no python3 is installed the test says so and skips (in CI it
 * fails: see tests/requireTools.test-util.ts).
 */

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const missing = python.status === 0 ? null : 'no python3 on this machine';
const reason = skipWithout(missing) ? ` (skipped: ${missing})` : '';

const variants: { label: string; training: TrainingSettings; dataset: DatasetRef; opts: PythonOptions }[] = [
  { label: 'defaults', training: defaultTraining, dataset: { kind: 'mnist' }, opts: {} },
  {
    label: 'SGD, top-3, callbacks, folder data, mirrored',
    training: {
      ...defaultTraining,
      optimizer: { kind: 'sgd', momentum: 0.9, nesterov: true },
      loss: 'sparse_categorical_crossentropy',
      metrics: [{ kind: 'accuracy' }, { kind: 'top_k_accuracy', k: 3 }],
      seed: 7,
      validation: 'split',
      validationSplit: 0.2,
      earlyStopping: { monitor: 'val_loss', patience: 2 },
      lrSchedule: { kind: 'plateau', patience: 1, factor: 0.5 },
    },
    dataset: { kind: 'folder', path: '/data/cats "and" dogs\\' },
    opts: { strategy: 'mirrored' },
  },
  { label: 'Fashion-MNIST resized to the Input', training: defaultTraining, dataset: { kind: 'fashion-mnist', resize: true }, opts: {} },
  {
    label: 'Fashion-MNIST, multi-worker',
    training: { ...defaultTraining, optimizer: { kind: 'rmsprop' } },
    dataset: { kind: 'fashion-mnist' },
    opts: { strategy: 'multiworker' },
  },
];

const checker = [
  'import ast, json, sys',
  'bad = []',
  'for name, source in json.load(sys.stdin):',
  '    try:',
  '        ast.parse(source, filename=name)',
  '    except SyntaxError as e:',
  '        bad.append(f"{name}:{e.lineno}: {e.msg}")',
  'print(json.dumps(bad))',
].join('\n');

describe('generated Python scripts', () => {
  it.skipIf(skipWithout(missing))(`parse with CPython's ast.parse${reason}`, () => {
    needTool(missing);
    const scripts = templateAndFixtureGraphs().flatMap(({ id, graph }) =>
      variants.map((v) => [`${id} (${v.label})`, generatePython(graph, v.training, v.dataset, v.opts)]),
    );
    expect(scripts.length).toBeGreaterThan(40);
    const run = spawnSync('python3', ['-c', checker], { input: JSON.stringify(scripts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it.skipIf(skipWithout(missing))(`the checker itself rejects broken Python${reason}`, () => {
    needTool(missing);
    const run = spawnSync('python3', ['-c', checker], { input: JSON.stringify([['broken', 'def f(:\n  pass\n']]), encoding: 'utf8' });
    const bad: unknown = JSON.parse(run.stdout);
    expect(Array.isArray(bad) ? bad.map((line) => String(line).split(':').slice(0, 2).join(':')) : bad).toEqual(['broken:1']);
  });
});
