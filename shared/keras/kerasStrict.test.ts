import { describe, expect, it } from 'vitest';
import { formatCount } from '../format';
import type { Graph } from '../graph/types';
import { inferGraph } from '../inference/infer';
import { getTemplate } from '../templates';
import { exportKeras2, exportKeras3 } from './index';
import { importModel } from './importModel';

const conv = (config: Record<string, unknown>, batch: unknown = [null, 28, 28, 1]) => ({
  class_name: 'Sequential',
  config: {
    name: 'm',
    layers: [
      { class_name: 'InputLayer', config: { name: 'in', batch_shape: batch } },
      { class_name: 'Conv2D', config: { name: 'conv', filters: 4, kernel_size: [3, 3], ...config } },
    ],
  },
});

function refusal(json: unknown): string {
  const r = importModel(json);
  if (r.ok) throw new Error(`accepted (warnings: ${r.value.warnings.join('; ')})`);
  return r.error.message;
}

describe('numbers Keras would refuse are refused, naming the layer and the field', () => {
  it.each([
    ['strides 1.7e308', { strides: [1.7e308, 1.7e308] }, /^Layer 'conv' \(Conv2D\): 'strides' is \[1\.7e\+308,1\.7e\+308\], which is not a valid strides/],
    [
      'strides 1.8e308 (past the largest double: Infinity)',
      { strides: [1.8e308, 1.8e308] },
      /^Layer 'conv' \(Conv2D\): 'strides' is \[Infinity,Infinity\], which is not a finite number \(Keras would refuse the file\)\.$/,
    ],
    ['strides 1e309 (Infinity)', { strides: [Infinity, 1] }, /^Layer 'conv' \(Conv2D\): 'strides' is \[Infinity,1\], which is not a finite number/],
    [
      'groups -1e308',
      { groups: -1e308 },
      /^Layer 'conv' \(Conv2D\): 'groups' is -1e\+308, which is not a valid groups \(Keras needs a whole number of 1 or more\)/,
    ],
    ['groups 1e-300', { groups: 1e-300 }, /'groups' is 1e-300, which is not a valid groups/],
    ['groups 2 (changes the model)', { groups: 2 }, /'groups' is 2, but grouped convolutions are not supported by Blockprop yet/],
    [
      'kernel_size 1e20',
      { kernel_size: [1e20, 1e20] },
      /^Layer 'conv' \(Conv2D\): 'kernel_size' is \[100000000000000000000,100000000000000000000\], which is not a valid kernel_size/,
    ],
    [
      'an L2 factor of 1e309',
      { kernel_regularizer: { class_name: 'L2', config: { l2: Infinity } } },
      /'kernel_regularizer' is .*Infinity.*not a finite number/,
    ],
  ])('%s', (_label, config, message) => {
    expect(refusal(conv(config))).toMatch(message);
  });

  it.each([
    ['3.7', [null, 3.7, 28, 1]],
    ['NaN', [null, NaN, 28, 1]],
    ['1e309', [null, Infinity, 28, 1]],
    ['0', [null, 0, 28, 1]],
  ])('a batch_shape holding %s is an error, not a silent 28×28×1', (_label, batch) => {
    expect(refusal(conv({}, batch))).toMatch(
      /^Layer 'in' \(InputLayer\): 'batch_shape' is \[null,.*\], which is not a valid batch_shape \(Keras needs whole numbers of 1 or more/,
    );
  });

  it('a functional model with no outputs (or no inputs) is refused', () => {
    const layers = [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 4] }, inbound_nodes: [] }];
    expect(refusal({ class_name: 'Functional', config: { name: 'm', layers, input_layers: [['in', 0, 0]], output_layers: [] } })).toBe(
      'The model lists no outputs ("output_layers" is empty); Keras needs at least one.',
    );
    expect(refusal({ class_name: 'Functional', config: { name: 'm', layers, input_layers: [], output_layers: [['in', 0, 0]] } })).toMatch(/lists no inputs/);
  });

  it('totals beyond 2^53 are an error naming the biggest layer, and print every digit', () => {
    const r = importModel({
      class_name: 'Sequential',
      config: {
        name: 'm',
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 1e9] } },
          { class_name: 'Dense', config: { name: 'huge', units: 1e9 } },
        ],
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    const error = inferGraph(r.value.graph).diagnostics.find((d) => d.code === 'too-many-params');
    expect(error?.message).toBe(
      "The model has about 1,000,000,001,000,000,000 parameters, past 2^53 where counts stop being exact and far beyond any machine's memory; Dense 'huge' alone has 1,000,000,001,000,000,000 — make it smaller.",
    );
    expect(formatCount(7.86432e25)).toBe('78,643,200,000,000,000,000,000,000');
    expect(formatCount(2 ** 70)).toBe('1,180,591,620,717,411,303,424');
    expect(formatCount(Infinity)).toBe('more than can be counted');
  });

  it('export never writes NaN or Infinity: such a model is refused with the field named', () => {
    const base = getTemplate('keras_cnn')?.build();
    if (!base) throw new Error('no template');
    const graph: Graph = { ...base, nodes: base.nodes.map((n, i) => (i === 1 ? { ...n, params: { ...n.params, extra: [1, Infinity] } } : n)) };
    for (const result of [exportKeras3(graph), exportKeras2(graph)]) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.diagnostics[0]?.message).toMatch(
        /^Block 'conv2d' has extra = \[1,Infinity\], which is not a finite number; JSON cannot hold it/,
      );
    }
  });
});
