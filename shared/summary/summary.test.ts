import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChain, buildGraph, type LayerSpec } from '../graph/fromSpec';
import { kerasCnn } from '../inference/exampleGraphs.test-util';
import { fakeGetDef } from '../inference/fakeLayers.test-util';
import { inferGraph } from '../inference/infer';
import { formatSummary, summaryJson, summaryModel, wrapCell } from './index';

const opts = { getDef: fakeGetDef };
const fixture = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8').replace(/\n$/, '');
const example = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));

const conv = (name: string, filters: number, k: number, input: string): LayerSpec => ({
  name,
  kind: 'Conv2D',
  params: { filters, kernel_size: [k, k], padding: 'same', activation: 'relu' },
  inputs: [input],
});
// Built in "drawing" order; Keras lists it differently (map_graph order).
const inception = buildGraph('inception_module', [
  { name: 'features', kind: 'InputLayer', params: { batch_shape: [null, 28, 28, 192] } },
  conv('b1x1', 64, 1, 'features'),
  conv('b3x3_reduce', 96, 1, 'features'),
  conv('b3x3', 128, 3, 'b3x3_reduce'),
  conv('b5x5_reduce', 16, 1, 'features'),
  conv('b5x5', 32, 5, 'b5x5_reduce'),
  { name: 'pool', kind: 'MaxPooling2D', params: { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, inputs: ['features'] },
  conv('pool_proj', 32, 1, 'pool'),
  { name: 'concat', kind: 'Concatenate', params: { axis: -1 }, inputs: ['b1x1', 'b3x3', 'b5x5', 'pool_proj'] },
]);

/** The models whose Keras 3 summary (JSON and text) sits in fixtures/, by fixture name. */
const kerasExamples = [
  ['keras_cnn', kerasCnn],
  ['inception_module', inception],
] as const;

describe('summaryJson equals what Keras 3 reports', () => {
  it.each(kerasExamples)('%s', (name, graph) => {
    expect(summaryJson(graph, opts)).toEqual(example(`${name}.summary.json`));
  });

  it('a functional chain keeps its InputLayer (Keras Applications style)', () => {
    const s = summaryJson({ ...kerasCnn, modelClass: 'Functional' }, opts);
    expect(s.layers[0]).toEqual({ name: 'input_layer', class: 'InputLayer', output_shape: [null, 28, 28, 1], params: 0 });
    expect(s.total_params).toBe(1199882);
  });
});

describe('summaryModel', () => {
  it('uses an inference the caller already has instead of inferring again', () => {
    const inference = inferGraph(kerasCnn, opts);
    const model = summaryModel(kerasCnn, { inference });
    expect(model.inference).toBe(inference);
    expect(model.trainable).toBe(1199882);
    expect(summaryModel(kerasCnn, opts).inference).not.toBe(inference);
  });
});

describe('formatSummary equals Keras 3 model.summary() text', () => {
  it.each(kerasExamples)('%s', (name, graph) => {
    expect(formatSummary(graph, opts)).toBe(fixture(`${name}.keras3.txt`));
  });

  it('a functional chain prints without "Connected to" but with the InputLayer', () => {
    const text = formatSummary({ ...kerasCnn, modelClass: 'Functional' }, opts);
    expect(text).not.toContain('Connected to');
    expect(text).toContain('│ input_layer (InputLayer)             │ (None, 28, 28, 1)           │               0 │');
  });

  it('an invalid model still prints, with "?" where shapes are unknown', () => {
    const broken = buildChain('broken', [{ name: 'd', kind: 'Dense' }]);
    expect(formatSummary(broken, opts)).toContain('│ d (Dense)                            │ ?');
  });
});

describe('wrapCell (rich word wrap)', () => {
  it.each([
    ['b1x1[0][0], b3x3[0][0], b5x5[0][0], pool_proj[0][0]', 26, ['b1x1[0][0], b3x3[0][0],', 'b5x5[0][0],', 'pool_proj[0][0]']],
    ['a_very_long_layer_name_that_goes_on_and_on_forever (Conv2D)', 36, ['a_very_long_layer_name_that_goes_on…', '(Conv2D)']],
    ['(None, 1234567, 1234567, 1234567, 1234567)', 27, ['(None, 1234567, 1234567,', '1234567, 1234567)']],
    ['', 5, ['']],
  ])('%s', (text, width, lines) => {
    expect(wrapCell(text, width)).toEqual(lines);
  });
});
