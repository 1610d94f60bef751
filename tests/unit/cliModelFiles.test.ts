import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundle, root } from './cliBundle';

/*
 * Every command takes every model format: files written by real Keras 3.15
 * (tests/fixtures/trained, see tests/keras-check/gen_trained.py) through the CLI bundle, as a
 * user runs it. `activations --json` must give Keras's layer outputs to 1e-4.
 */

const fixtures = path.join(root, 'tests/fixtures/trained');
const h = cliBundle('blockprop-modelfiles-');
const cli = h.cli;

interface Expected {
  total_params: number;
  prediction: number[];
  layers: Record<string, { class: string; shape: number[]; values: number[] }>;
}
const expected = (m: string): Expected => JSON.parse(readFileSync(path.join(fixtures, `${m}.expected.json`), 'utf8')) as Expected;
const fx = (name: string): string => path.join(fixtures, name);

function maxDiff(got: readonly number[], want: readonly number[]): number {
  expect(got.length).toBe(want.length);
  return got.reduce((m, v, i) => Math.max(m, Math.abs(v - (want[i] ?? NaN))), 0);
}

function activationsJson(args: string[]): { layer: string; class: string; shape: number[]; values: number[] } {
  const r = cli('activations', ...args, '--json', '--backend', 'cpu');
  expect(r.stderr).not.toMatch(/^(error|blockprop)/m);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as { layer: string; class: string; shape: number[]; values: number[] };
}

const variants = (m: string): { label: string; args: string[] }[] => [
  { label: '.keras', args: [fx(`${m}.keras`)] },
  { label: 'legacy .h5', args: [fx(`${m}.h5`)] },
  { label: 'JSON --weights .weights.h5', args: [fx(`${m}.json`), '--weights', fx(`${m}.weights.h5`)] },
  { label: 'JSON --weights legacy .h5', args: [fx(`${m}.json`), '--weights', fx(`${m}.legacy-weights.h5`)] },
];

describe.each(['cnn', 'bn', 'sepcat'])('%s written by Keras 3.15', (m) => {
  const want = expected(m);
  it('summary and validate read every format; activations of the last layer is the prediction', () => {
    for (const { label, args } of variants(m)) {
      const [file = '', ...rest] = args;
      const summary = cli('summary', file, ...rest, '--json');
      expect(summary.code, label).toBe(0);
      expect((JSON.parse(summary.stdout) as { total_params: number }).total_params, label).toBe(want.total_params);
    }
    const validate = cli('validate', fx(`${m}.json`), '--weights', fx(`${m}.legacy-weights.h5`));
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('with trained weights');
    const last = Object.keys(want.layers).pop() ?? '';
    const out = activationsJson([fx(`${m}.keras`), fx(`${m}.png`), '--layer', last]);
    expect(maxDiff(out.values, want.prediction)).toBeLessThan(1e-4);
  });
});

describe('activations', () => {
  it('gives the depthwise, separable and Concatenate outputs as Keras does, in text and JSON', () => {
    const want = expected('sepcat');
    // Every layer of every format is checked in-process (main/engine/export/realKeras.test.ts); here the CLI's path.
    for (const layer of ['depthwise', 'separable', 'concat']) {
      const w = want.layers[layer];
      if (w === undefined) throw new Error(`no expected output for ${layer}`);
      const out = activationsJson([fx('sepcat.h5'), fx('sepcat.png'), '--layer', layer]);
      expect(out).toMatchObject({ layer, class: w.class, shape: w.shape });
      expect(maxDiff(out.values, w.values)).toBeLessThan(1e-4);
    }
    const text = cli('activations', fx('sepcat.keras'), fx('sepcat.png'), '--layer', 'concat', '--backend', 'cpu');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Concatenate 'concat' for .*sepcat\.png: shape \(1, 10, 10, 14\)\nmin -?\d.* max .* mean .*\(1400 values\)\nfirst values: /);
  });

  it('names the layers when --layer is not one of them, and needs --layer', () => {
    const r = cli('activations', fx('cnn.keras'), fx('cnn.png'), '--layer', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no layer 'nope'; its layers are ");
    expect(r.stderr).toContain('conv_a');
    expect(cli('activations', fx('cnn.keras'), fx('cnn.png')).stderr).toContain('--layer NAME is required');
  });
});

describe('export with weights, and reopening', () => {
  it.each(['keras', 'tfjs', 'keras-json'])('a legacy .h5 exported as %s keeps its weights', (format) => {
    const target = path.join(h.dir, `bn-${format}`);
    const r = cli('export', fx('bn.h5'), '--format', format, '-o', target);
    expect(r.stderr).toContain("with the file's weights");
    expect(r.code).toBe(0);
    const reopened = format === 'keras' ? `${target}.keras` : format === 'tfjs' ? path.join(target, 'model.json') : `${target}.json`;
    const out = activationsJson([reopened, fx('bn.png'), '--layer', 'dense_2']);
    expect(maxDiff(out.values, expected('bn').prediction)).toBeLessThan(1e-4);
  });

  it('says what is wrong with a file that is not a model, or weights for another model', () => {
    const png = cli('summary', fx('cnn.png'));
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('cnn.png: the file is not JSON: it looks like a PNG image.');
    const weightsOnly = cli('validate', fx('cnn.weights.h5'));
    expect(weightsOnly.stderr).toContain('weights only');
    const wrong = cli('validate', fx('cnn.json'), '--weights', fx('bn.weights.h5'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Dense 'dense' kernel has shape (54, 8) in the model but (5, 4) in the file");
    expect(wrong.stderr).toContain("no weights for layer 'dense_1' (Dense)");
    expect(wrong.stderr).toContain("weights for layers the model does not have: 'layers/batch_normalization'");
    // A TF.js shard that is cut short is refused, not read past its end.
    const tf = path.join(h.dir, 'short');
    expect(cli('export', fx('cnn.keras'), '--format', 'tfjs', '-o', tf).code).toBe(0);
    const bin = readFileSync(path.join(tf, 'weights.bin'));
    writeFileSync(path.join(tf, 'weights.bin'), bin.subarray(0, bin.length - 8));
    const short = cli('summary', path.join(tf, 'model.json'));
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/hold \d+ bytes but its weights need \d+/);
    copyFileSync(fx('cnn.json'), path.join(h.dir, 'lonely.json'));
    expect(cli('validate', path.join(h.dir, 'lonely.json')).stdout).not.toContain('with trained weights');
  });
});
