import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundle, root } from './cliBundle';

/*
 * End to end: the CLI bundle as `npm install` builds it, run as a user would (cliBundle.ts),
 * asserting output and exit codes.
 */

const examples = path.join(root, 'tests/fixtures/keras'); // real Keras 3.15 JSON and summaries
const h = cliBundle('blockprop-cli-');
const cli = h.cli;

function file(name: string, text: string): string {
  const p = path.join(h.dir, name);
  writeFileSync(p, text);
  return p;
}

const exampleText = (name: string): string => readFileSync(path.join(examples, name), 'utf8');
const fixtureText = (name: string): string => readFileSync(path.join(root, 'shared/summary/fixtures', name), 'utf8');

describe('blockprop CLI', () => {
  it('--help, --version, no arguments, unknown command', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const c of ['summary FILE [--json]', 'validate FILE', 'export FILE', 'templates [--names]', 'new TEMPLATE'])
      expect(help.stdout).toContain(`blockprop ${c}`);
    const version = cli('--version');
    expect(version).toMatchObject({ code: 0 });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli().code).toBe(2);
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("blockprop: unknown command 'frobnicate'; run `blockprop --help` for the list.\n");
  });

  it('summary of Keras 3 JSON prints what Keras prints', () => {
    const r = cli('summary', path.join(root, 'shared/summary/fixtures/inception_module.keras3.json'));
    expect(r).toEqual({ code: 0, stdout: fixtureText('inception_module.keras3.txt'), stderr: '' });
    const seq = cli('summary', path.join(root, 'shared/summary/fixtures/keras_cnn.keras3.json'));
    expect(seq.stdout).toBe(fixtureText('keras_cnn.keras3.txt'));
  });

  it.each(['keras_cnn', 'inception_module', 'residual', 'all_sequential', 'all_functional'])('summary --json of %s equals Keras', (name) => {
    const r = cli('summary', path.join(examples, `${name}.keras3.json`), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(exampleText(`${name}.summary.json`)));
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['name', 'layers', 'total_params', 'trainable_params', 'non_trainable_params']);
  });

  it('templates and new', () => {
    const names = cli('templates', '--names');
    expect(names.code).toBe(0);
    expect(names.stdout.trim().split('\n')).toContain('inception_v3');
    expect(cli('templates').stdout).toMatch(/^keras_cnn\s+Conv 32 3x3/m);
    const unknown = cli('new', 'alexnet');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^blockprop new: unknown template 'alexnet'; choose one of: fc_tf_mnist, /);
    const stdout = cli('new', 'keras_cnn');
    expect(JSON.parse(stdout.stdout)).toMatchObject({
      format: 'blockprop-project',
      version: 1,
      dataset: { kind: 'mnist' },
      training: { batchSize: 200, epochs: 10 },
    });
    expect(cli('new', 'keras_cnn', '-o', 'cnn.blockprop.json').code).toBe(0);
    const again = cli('new', 'keras_cnn', '-o', 'cnn.blockprop.json');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; choose another name or add --force/);
  });

  // The chapter's printed totals, through project files written by `new`.
  it.each([
    ['keras_cnn', 1199882],
    ['cnn_64_5x5', 924374],
    ['fc_200_200', 199210],
    ['vgg16_cats_dogs', 33605442],
  ])('project from template %s has %d parameters', (id, total) => {
    const p = path.join(h.dir, `${id}.blockprop.json`);
    expect(cli('new', id, '-o', p, '--force').code).toBe(0);
    const r = cli('summary', p, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total_params: total, trainable_params: total, non_trainable_params: 0 });
    expect(cli('summary', p).stdout).toContain(` Total params: ${total.toLocaleString('en-US')} (`);
  });

  it('export keras3 / keras2 / python, and reading the exports back (Keras 2 JSON, TF.js model.json)', () => {
    const project = path.join(h.dir, 'export.blockprop.json');
    expect(cli('new', 'residual_block', '-o', project, '--force').code).toBe(0);
    const k3 = cli('export', project, '--format', 'keras3');
    expect(k3.code).toBe(0);
    expect(JSON.parse(k3.stdout)).toMatchObject({ module: 'keras.src.models.functional', class_name: 'Functional' });
    const k2path = path.join(h.dir, 'model.keras2.json');
    const k2 = cli('export', project, '--format=keras2', '-o', k2path);
    expect(k2).toMatchObject({ code: 0, stdout: '' });
    const k2json = JSON.parse(readFileSync(k2path, 'utf8')) as Record<string, unknown>;
    expect(k2json).toHaveProperty('keras_version');
    const original = JSON.parse(cli('summary', project, '--json').stdout) as unknown;
    expect(JSON.parse(cli('summary', k2path, '--json').stdout)).toEqual(original);
    const tfjs = file(
      'model.json',
      JSON.stringify({ format: 'layers-model', generatedBy: 'keras', convertedBy: 'TensorFlow.js Converter', modelTopology: k2json, weightsManifest: [] }),
    );
    expect(JSON.parse(cli('summary', tfjs, '--json').stdout)).toEqual(original);
    const py = cli('export', project, '--format', 'python', '--strategy', 'mirrored');
    expect(py.code).toBe(0);
    expect(py.stdout).toContain('MirroredStrategy');
    expect(py.stdout).toContain('.fit(');
  });

  it('validate: exit 0 on a valid model, 1 with the diagnostics on stderr', () => {
    const ok = cli('validate', path.join(examples, 'keras_cnn.keras3.json'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/model 'seed_keras_cnn' is valid: 9 layers, 1,199,882 params, 0 warnings\./);
    const project = JSON.parse(cli('new', 'keras_cnn').stdout) as { graph: { nodes: { kind: string; params: Record<string, unknown> }[] } };
    const conv = project.graph.nodes.find((n) => n.kind === 'Conv2D');
    if (conv) conv.params['kernel_size'] = [40, 40];
    const bad = cli('validate', file('bad.blockprop.json', JSON.stringify(project)));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: Conv2D 'conv2d' .*40.*\[.+\]$/m);
    expect(bad.stderr).toMatch(/is invalid: 1 error, 0 warnings\.\n$/);
    const sum = cli('summary', path.join(h.dir, 'bad.blockprop.json'));
    expect(sum.code).toBe(1);
    expect(sum.stdout).toBe('');
  });

  it('a cycle is an invalid model (exit 1)', () => {
    const project = JSON.parse(cli('new', 'fc_200_200').stdout) as {
      graph: { nodes: { id: string }[]; edges: { id: string; source: string; target: string; targetIndex: number }[] };
    };
    const first = project.graph.nodes[1];
    const last = project.graph.nodes.at(-1);
    if (first && last) project.graph.edges.push({ id: 'loop', source: last.id, target: first.id, targetIndex: 1 });
    const r = cli('validate', file('cycle.blockprop.json', JSON.stringify(project)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cycle/);
  });

  it.each<[string, () => string, RegExp]>([
    ['a missing file', () => path.join(h.dir, 'nope.json'), /^blockprop summary: cannot read .*nope\.json: no such file\n$/],
    ['a folder', () => h.dir, /^blockprop summary: cannot read .*: it is a folder, not a file\n$/],
    ['an empty file', () => file('empty.json', ''), /^blockprop summary: cannot read .*empty\.json: the file is empty\.\n$/],
    [
      'truncated JSON',
      () => file('cut.json', exampleText('keras_cnn.keras3.json').slice(0, 300)),
      /^blockprop summary: cannot read .*cut\.json: the file ends in the middle of the JSON — it looks truncated/,
    ],
    ['not a model', () => file('other.json', '{"hello": 1}'), /^blockprop summary: cannot read .*other\.json: .+/],
    [
      'a binary file',
      () => file('image.png', '\x89PNG\r\n\x1a\n\x00\x00'),
      /^blockprop summary: cannot read .*image\.png: the file is not JSON: it looks like a PNG image\.$/m,
    ],
    [
      'an unknown layer class',
      () => file('unknown.json', exampleText('keras_cnn.keras3.json').replace('"class_name": "Flatten"', '"class_name": "Frobnicate"')),
      /Frobnicate/,
    ],
    [
      'a project from a newer Blockprop',
      () => file('newer.blockprop.json', JSON.stringify({ format: 'blockprop-project', version: 99, graph: { name: 'm', nodes: [], edges: [] } })),
      /made by a newer Blockprop \(version 99\); update Blockprop to open it/,
    ],
  ])('summary of %s: exit 2, one line', (_l, make, message) => {
    const r = cli('summary', make());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  const cnn = path.join(examples, 'keras_cnn.keras3.json');
  it.each<[string, string[], RegExp]>([
    ['no FILE', ['summary'], /^blockprop summary: missing FILE\. Usage: blockprop summary FILE \[--json\] \[--weights FILE\]\n$/],
    ['unknown option', ['summary', 'a.json', '--jsn'], /^blockprop summary: unknown option --jsn\./],
    ['no --format', ['export', cnn], /^blockprop export: --format is required/],
    ['bad --format', ['export', cnn, '--format', 'onnx'], /--format must be one of keras3, keras2, python, keras, tfjs, keras-json \(got 'onnx'\)/],
    ['--format without value', ['export', cnn, '--format'], /--format VALUE needs a value|--format needs a value/],
    ['no TEMPLATE', ['new'], /missing TEMPLATE/],
  ])('usage error (%s): exit 2', (_l, args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
