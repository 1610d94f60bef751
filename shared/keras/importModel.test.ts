import { describe, expect, it } from 'vitest';
import { importModel, parseModelText } from './importModel';
import { readFixture } from '../../tests/fixtures/keras/load';
import { inferGraph } from '../inference/infer';

type Json = Record<string, unknown>;

/** A small functional model (tf.keras 2 form) to break in different ways. */
function keras2Functional(layers: unknown[], outputs: unknown = [['dense', 0, 0]]): Json {
  return {
    class_name: 'Functional',
    config: { name: 'm', layers, input_layers: [['input_1', 0, 0]], output_layers: outputs },
    keras_version: '2.12.0',
    backend: 'tensorflow',
  };
}
const input1 = { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], dtype: 'float32', name: 'input_1' }, name: 'input_1', inbound_nodes: [] };
const dense = (name: string, from: string): Json => ({
  class_name: 'Dense',
  config: { name, units: 2 },
  name,
  inbound_nodes: [[[from, 0, 0, {}]]],
});

describe('importModel: format detection', () => {
  it('reads Keras 3 JSON', () => {
    const r = importModel(readFixture('keras_cnn.keras3.json'));
    expect(r).toMatchObject({ ok: true, value: { format: 'keras3' } });
    if (r.ok)
      expect(r.value.graph.nodes.map((n) => n.name)).toEqual([
        'input_layer',
        'conv2d',
        'conv2d_1',
        'max_pooling2d',
        'dropout',
        'flatten',
        'dense',
        'dropout_1',
        'dense_1',
      ]);
  });

  it('reads tf.keras 2 JSON and TF.js model.json (modelTopology, model_config wrapper)', () => {
    const k2 = keras2Functional([input1, dense('dense', 'input_1')]);
    expect(importModel(k2)).toMatchObject({ ok: true, value: { format: 'keras2' } });
    expect(importModel({ modelTopology: k2, format: 'layers-model' })).toMatchObject({ ok: true, value: { format: 'tfjs' } });
    expect(importModel({ modelTopology: { model_config: k2, keras_version: '2.12.0' } })).toMatchObject({ ok: true, value: { format: 'tfjs' } });
    expect(importModel({ model_config: JSON.stringify(k2) })).toMatchObject({ ok: true, value: { format: 'keras2' } });
  });

  it('adds the InputLayer a tf.keras 2 Sequential leaves implicit (batch_input_shape on its first layer)', () => {
    const r = importModel({
      class_name: 'Sequential',
      config: { name: 'seq', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 3, batch_input_shape: [null, 8] } }] },
      keras_version: '2.4.0',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.graph.nodes.map((n) => [n.kind, n.name])).toEqual([
      ['InputLayer', 'input_layer'],
      ['Dense', 'dense'],
    ]);
    expect(r.value.graph.nodes[0]?.params.shape).toEqual([8]);
    expect(r.value.graph.edges).toHaveLength(1);
    expect(r.value.warnings[0]).toMatch(/Added InputLayer 'input_layer'/);
  });

  it("takes a Keras 3 Sequential's build_input_shape when it lists no InputLayer", () => {
    const r = importModel({
      module: 'keras',
      class_name: 'Sequential',
      config: { name: 'built', layers: [{ module: 'keras.layers', class_name: 'Dense', config: { name: 'dense', units: 3 } }], build_input_shape: [null, 5] },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('keras3');
    expect(r.value.graph.nodes[0]?.params.shape).toEqual([5]);
  });

  it('lays the imported graph out top to bottom', () => {
    const r = importModel(readFixture('inception_module.keras3.json'));
    if (!r.ok) throw new Error(r.error.message);
    const y = (name: string): number => r.value.graph.nodes.find((n) => n.name === name)?.position.y ?? NaN;
    expect(y('features')).toBeLessThan(y('b3x3_reduce'));
    expect(y('b3x3_reduce')).toBeLessThan(y('b3x3'));
    expect(y('b3x3')).toBeLessThan(y('concat'));
  });
});

describe('importModel: malformed input names the problem', () => {
  const cases: [string, () => ReturnType<typeof importModel>, RegExp][] = [
    ['truncated JSON text', () => parseModelText('{"class_name": "Sequential", "config": {"layers": ['), /not valid JSON/],
    ['empty text', () => parseModelText('  '), /empty/],
    ['a list instead of a model', () => importModel([1, 2]), /holds a list/],
    ['no class_name', () => importModel({ config: {} }), /no "class_name"/],
    ['not a model class', () => importModel({ class_name: 'Dense', config: {} }), /holds a 'Dense', not a model/],
    ['layers is not a list', () => importModel({ class_name: 'Sequential', config: { layers: 'x' } }), /"layers" should be a list/],
    [
      'layer without config',
      () => importModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense' }] } }),
      /Layer #1 \(Dense\) has no "config"/,
    ],
    [
      'unknown layer class',
      () =>
        importModel(
          keras2Functional(
            [input1, { class_name: 'LSTM', config: { name: 'lstm' }, name: 'lstm', inbound_nodes: [[['input_1', 0, 0, {}]]] }],
            [['lstm', 0, 0]],
          ),
        ),
      /Layer 'lstm' has class 'LSTM', which Blockprop does not support yet; supported: .*Conv2D/,
    ],
    [
      'missing inbound layer',
      () => importModel(keras2Functional([input1, dense('dense', 'ghost')])),
      /Layer 'dense' takes its input from 'ghost', which is not in the model/,
    ],
    [
      'cycle',
      () => importModel(keras2Functional([input1, { ...dense('a', 'b'), inbound_nodes: [[['b', 0, 0, {}]]] }, dense('b', 'a'), dense('dense', 'input_1')])),
      /cycle \((a → b → a|b → a → b)\)/,
    ],
    [
      'nested model',
      () =>
        importModel(
          keras2Functional([
            input1,
            { class_name: 'Sequential', config: { name: 'inner', layers: [] }, name: 'inner', inbound_nodes: [[['input_1', 0, 0, {}]]] },
          ]),
        ),
      /'inner' is a nested model \(Sequential\).*not support/,
    ],
    [
      'shared layer',
      () => importModel(keras2Functional([input1, { ...dense('dense', 'input_1'), inbound_nodes: [[['input_1', 0, 0, {}]], [['input_1', 0, 0, {}]]] }])),
      /called 2 times \(a shared layer\)/,
    ],
    [
      'wrong types in inbound nodes',
      () => importModel(keras2Functional([input1, { ...dense('dense', 'input_1'), inbound_nodes: 'input_1' }])),
      /"inbound_nodes" that is the text "input_1", not a list/,
    ],
    ['duplicate names', () => importModel(keras2Functional([input1, dense('dense', 'input_1'), dense('dense', 'input_1')])), /Two layers are named 'dense'/],
    ['missing output', () => importModel(keras2Functional([input1, dense('dense', 'input_1')], [['nope', 0, 0]])), /output 'nope' is not in its layer list/],
    [
      'Sequential without any input shape',
      () => importModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 1 } }] } }),
      /first layer 'd' \(Dense\) has no batch_input_shape/,
    ],
    [
      'wrong value type',
      () => importModel(keras2Functional([input1, { ...dense('dense', 'input_1'), config: { name: 'dense', units: 'many' } }])),
      /Layer 'dense' \(Dense\): 'units' is "many", which is not a valid units \(expected a whole number\)/,
    ],
    [
      'unsupported activation',
      () => importModel(keras2Functional([input1, { ...dense('dense', 'input_1'), config: { name: 'dense', units: 2, activation: 'exponential' } }])),
      /Layer 'dense' \(Dense\): 'activation' is "exponential", which Blockprop does not support yet/,
    ],
    ['TF.js graph model', () => importModel({ format: 'graph-model', modelTopology: { node: [] } }), /graph model/],
  ];
  it.each(cases)('%s', (_label, run, message) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('names settings it cannot represent instead of dropping them silently', () => {
    const r = importModel(
      keras2Functional([input1, { ...dense('dense', 'input_1'), config: { name: 'dense', units: 2, trainable: false, dtype: 'float16', fancy: 1 } }]),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.graph.nodes.find((n) => n.name === 'dense')?.params.trainable).toBe(false);
    expect(r.value.warnings).toEqual([
      "Layer 'dense' (Dense): dtype 'float16' is not supported; it was imported as float32.",
      "Layer 'dense' (Dense): setting 'fancy' is not supported by Blockprop and was not imported.",
    ]);
  });
});

describe('importModel: files written by TensorFlow.js 4.22 (tests/fixtures/keras/tfjs_*.model.json)', () => {
  it.each([
    [
      'tfjs_cnn.model.json',
      13642,
      [
        'input_layer',
        'conv2d_Conv2D1',
        'batch_normalization_BatchNormalization1',
        'max_pooling2d_MaxPooling2D1',
        'leaky_re_lu_LeakyReLU1',
        'dropout_Dropout1',
        'flatten_Flatten1',
        'dense_Dense1',
      ],
    ],
    ['tfjs_functional.model.json', 138, ['img', 'c1', 'c2', 'sum', 'gap', 'out']],
  ] as const)('%s', (file, params, names) => {
    const r = importModel(readFixture(file));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('tfjs');
    expect(r.value.graph.nodes.map((n) => n.name)).toEqual(names);
    expect(inferGraph(r.value.graph).totals.total).toBe(params);
  });

  it('keeps TF.js settings in Keras form (alpha -> negative_slope, L1L2, VarianceScaling)', () => {
    const r = importModel(readFixture('tfjs_cnn.model.json'));
    if (!r.ok) throw new Error(r.error.message);
    const node = (name: string) => r.value.graph.nodes.find((n) => n.name === name);
    expect(node('leaky_re_lu_LeakyReLU1')?.params.negative_slope).toBe(0.1);
    expect(node('conv2d_Conv2D1')?.params.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.01 } });
    expect(r.value.warnings).toEqual([
      "The file's weights (weightsManifest) were not imported: Blockprop imports the architecture, with fresh initial weights.",
      "Added InputLayer 'input_layer' in front of 'conv2d_Conv2D1' from its batch_input_shape, as Keras 3 requires an explicit input.",
    ]);
  });
});
