import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { exportKeras3 } from '../../../shared/keras/exportKeras3';
import { buildFc200x200, buildKerasCnn } from '../../../shared/templates/chapter';
import { readWeightsH5 } from './h5';
import { kerasArchiveBytes, kerasJsonOf } from './kerasArchive';
import { kerasLayerSlots, kerasOrder } from './kerasLayout';
import { loadSavedModel, tfjsModelFromGraph } from './load';
import { saveModel } from './save';

const fixtures = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'data');
const dir = mkdtempSync(path.join(tmpdir(), 'blockprop-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function build(graph: Graph): Promise<LayersModel> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

function weightsOf(model: LayersModel): number[][] {
  return model.weights.map((w) => Array.from(w.read().dataSync()));
}

describe('Keras weight layout', () => {
  it.each([
    {
      name: 'Sequential: no InputLayer, groups by class with counters',
      json: {
        class_name: 'Sequential',
        config: { layers: ['InputLayer:input_layer', 'Conv2D:conv2d', 'Conv2D:c2', 'Dense:dense_7', 'BatchNormalization:bn'] },
      },
      expected: ['conv2d=conv2d', 'conv2d_1=c2', 'dense=dense_7', 'batch_normalization=bn'],
    },
    {
      name: 'Functional keeps its InputLayers',
      json: { class_name: 'Functional', config: { layers: ['InputLayer:img', 'Conv2D:conv2d_1', 'Conv2D:conv2d_2', 'Add:add', 'ReLU:re_lu'] } },
      expected: ['input_layer=img', 'conv2d=conv2d_1', 'conv2d_1=conv2d_2', 'add=add', 're_lu=re_lu'],
    },
  ])('$name', ({ json, expected }) => {
    const layers = json.config.layers.map((s) => {
      const [cls = '', name = ''] = s.split(':');
      return { class_name: cls, config: { name } };
    });
    const slots = kerasLayerSlots({ class_name: json.class_name, config: { layers } });
    expect(slots.map((s) => `${s.group}=${s.layerName}`)).toEqual(expected);
  });
  it.each([
    { names: ['conv2d/kernel', 'conv2d/bias'], expected: [0, 1] },
    { names: ['sep/bias', 'sep/pointwise_kernel', 'sep/depthwise_kernel'], expected: [2, 1, 0] },
    { names: ['bn/gamma', 'bn/beta', 'bn/moving_mean', 'bn/moving_variance'], expected: [0, 1, 2, 3] },
    { names: ['bn/moving_mean', 'bn/moving_variance', 'bn/gamma', 'bn/beta'], expected: [2, 3, 0, 1] },
  ])('orders $names as Keras does', ({ names, expected }) => {
    expect(kerasOrder(names)).toEqual(expected);
  });
});

describe('.keras archive', () => {
  it('holds config.json = exportKeras3, metadata.json and the weights at Keras 3 paths', async () => {
    const graph = buildKerasCnn();
    const model = await build(graph);
    const archive = await kerasArchiveBytes(model, graph, { classNames: ['0', '1'] }, new Date(2026, 0, 2, 3, 4, 5));
    if (!archive.ok) throw new Error(archive.error.message);
    const files = unzipSync(archive.value);
    expect(Object.keys(files)).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    const exported = exportKeras3(graph);
    expect(exported.ok && JSON.parse(strFromU8(files['config.json'] ?? new Uint8Array()))).toEqual(exported.ok && exported.value);
    expect(JSON.parse(strFromU8(files['metadata.json'] ?? new Uint8Array()))).toEqual({
      keras_version: '3.15.1',
      date_saved: '2026-01-02@03:04:05',
      blockprop: { class_names: ['0', '1'] },
    });
    const h5 = await readWeightsH5(files['model.weights.h5'] ?? new Uint8Array());
    if (!h5.ok) throw new Error(h5.error.message);
    expect(h5.value.modelName).toBe('keras_cnn');
    const paths = h5.value.layers.flatMap((l) => [`${l.group} (${l.layerName})`, ...l.vars.map((v, i) => `${l.group}/vars/${i} [${v.shape.join(',')}]`)]);
    expect(paths.sort()).toEqual(
      [
        'conv2d (conv2d)',
        'conv2d/vars/0 [3,3,1,32]',
        'conv2d/vars/1 [32]',
        'conv2d_1 (conv2d_1)',
        'conv2d_1/vars/0 [3,3,32,64]',
        'conv2d_1/vars/1 [64]',
        'max_pooling2d (max_pooling2d)',
        'dropout (dropout)',
        'flatten (flatten)',
        'dense (dense)',
        'dense/vars/0 [9216,128]',
        'dense/vars/1 [128]',
        'dropout_1 (dropout_1)',
        'dense_1 (dense_1)',
        'dense_1/vars/0 [128,10]',
        'dense_1/vars/1 [10]',
      ].sort(),
    );
    const kernel = h5.value.layers.find((l) => l.group === 'conv2d')?.vars[0]?.data;
    expect(Array.from(kernel ?? [])).toEqual(Array.from(model.getLayer('conv2d').getWeights()[0]?.dataSync() ?? []));
  });

  it.each(['keras', 'keras-json', 'tfjs'] as const)('round-trips the weights tfjs -> %s -> tfjs', async (format) => {
    const graph = buildFc200x200();
    const model = await build(graph);
    const target = path.join(dir, `fc_${format}`);
    const saved = await saveModel(model, graph, format, target);
    if (!saved.ok) throw new Error(saved.error.message);
    const file = format === 'keras' ? `${target}.keras` : format === 'tfjs' ? path.join(target, 'model.json') : `${target}.json`;
    const loaded = await loadSavedModel(file);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.format).toBe(format === 'keras-json' ? 'keras3' : format);
    expect(weightsOf(loaded.value.model)).toEqual(weightsOf(model));
  });
});

describe('files written by real Keras 3.15', () => {
  it('loads a .keras with SeparableConv2D, BatchNormalization and DepthwiseConv2D and predicts as Keras did', async () => {
    const loaded = await loadSavedModel(path.join(fixtures, 'keras_tiny_sepconv_bn.keras'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const expected: unknown = JSON.parse(readFileSync(path.join(fixtures, 'keras_tiny_sepconv_bn.expected.json'), 'utf8'));
    const x = tf.reshape(tf.linspace(0, 1, 144), [2, 6, 6, 2]);
    const y = loaded.value.model.predict(x);
    if (Array.isArray(y)) throw new Error('one output expected');
    const got = y.arraySync();
    const want = typeof expected === 'object' && expected !== null ? Reflect.get(expected, 'output') : null;
    expect(Array.isArray(want)).toBe(true);
    const flatGot = [got].flat(3);
    const flatWant = [want].flat(3);
    flatWant.forEach((v, i) => expect(flatGot[i]).toBeCloseTo(Number(v), 5));
  });
});

describe('a model that cannot be built', () => {
  it('says why, one line per problem, wherever the export plan is refused', async () => {
    const g = buildKerasCnn();
    const broken = { ...g, edges: g.edges.filter((_, i) => i !== 1 && i !== 4) };
    const built = await tfjsModelFromGraph(broken);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error.message.split('\n')).toEqual([
      "Conv2D 'conv2d_1' has no input; wire a block into it (every layer must be fed, starting from an InputLayer).",
      "Flatten 'flatten' has no input; wire a block into it (every layer must be fed, starting from an InputLayer).",
    ]);
    const json = kerasJsonOf(broken);
    expect(json.ok ? null : json.error.message).toBe(built.error.message);
  });
});
