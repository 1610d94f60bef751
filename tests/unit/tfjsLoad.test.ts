import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/fromSpec';
import type { Graph } from '../../shared/graph/types';
import { inferGraph } from '../../shared/inference/infer';
import { exportKeras2, exportTfjsTopology } from '../../shared/keras';
import { layerDefs } from '../../shared/layers/registry';
import { defaultParams } from '../../shared/layers/validateParam';
import { templates } from '../../shared/templates';
import { importFixture } from '../fixtures/keras/load';

/*
 * The engine builds TF.js models from our export (tf.models.modelFromJSON of tfjs-layers 4.22):
 * every layer kind, the real-Keras models with non-default params and the small templates must
 * load, with our output shapes and parameter counts.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function load(graph: Graph, flavour: 'tfjs' | 'keras2' = 'tfjs'): Promise<tfl.LayersModel> {
  const exported = flavour === 'tfjs' ? exportTfjsTopology(graph) : exportKeras2(graph);
  if (!exported.ok) throw new Error(exported.error.message);
  // What the engine does: the text of our export, parsed, as a TF.js model.json's modelTopology.
  const artifacts: Parameters<typeof tfl.models.modelFromJSON>[0] = { modelTopology: JSON.parse(JSON.stringify(exported.value)) };
  return tfl.models.modelFromJSON(artifacts);
}

function expectSameAsInference(graph: Graph, model: tfl.LayersModel): void {
  const inference = inferGraph(graph);
  expect(model.countParams()).toBe(inference.totals.total);
  for (const node of graph.nodes) {
    const layer = model.getLayer(node.name);
    const ours = inference.nodes.get(node.id)?.outputShape;
    expect(layer.outputShape, node.name).toEqual(ours);
  }
}

function withoutActivityRegularizers(graph: Graph): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => ('activity_regularizer' in n.params ? { ...n, params: { ...n.params, activity_regularizer: null } } : n)) };
}

const shapes = [[8, 8, 4], [16], [4, 4, 4, 2]];

function graphForKind(kind: string, minInputs: number): Graph | null {
  const def = layerDefs.find((d) => d.className === kind);
  if (!def) return null;
  for (const shape of shapes) {
    const inputs = Array.from({ length: Math.max(1, minInputs) }, (_, i) => ({ name: `input_${i}`, kind: 'InputLayer', params: { shape, batch_size: null } }));
    const g = buildGraph(`one_${kind}`, [...inputs, { name: 'block', kind, params: defaultParams(def), inputs: inputs.map((i) => i.name) }]);
    if (!inferGraph(g).diagnostics.some((d) => d.severity === 'error')) return g;
  }
  return null;
}

describe('tf.models.modelFromJSON accepts exportTfjsTopology', () => {
  // Subtract, which TF.js 4.22 lacks, is written as Add + Rescaling(-1) under the same name.
  const kinds = layerDefs.filter((d) => d.className !== 'InputLayer').map((d) => [d.className, d.inputs.min] as const);
  it.each(kinds)('%s with default params', async (kind, minInputs) => {
    const graph = graphForKind(kind, minInputs);
    expect(graph).not.toBeNull();
    if (graph) expectSameAsInference(graph, await load(graph));
  });

  it('computes Subtract exactly (a - b) through its Add + Rescaling(-1) form', async () => {
    const graph = buildGraph('sub', [
      { name: 'a', kind: 'InputLayer', params: { shape: [3], batch_size: null } },
      { name: 'b', kind: 'InputLayer', params: { shape: [3], batch_size: null } },
      { name: 'difference', kind: 'Subtract', inputs: ['a', 'b'] },
    ]);
    const model = await load(graph);
    const y = model.predict([tf.tensor2d([[5, 7, 9]]), tf.tensor2d([[1, 2, 3]])]);
    expect(Array.isArray(y) ? null : Array.from(y.dataSync())).toEqual([4, 5, 6]);
    expect(model.getLayer('difference').getClassName()).toBe('Add');
  });

  it.each(['all_functional', 'all_sequential', 'residual', 'inception_module', 'keras_cnn'])('real Keras model %s (non-default params)', async (name) => {
    const graph = withoutActivityRegularizers(importFixture(`${name}.keras3.json`));
    expectSameAsInference(graph, await load(graph));
  });

  it('refuses activity regularizers, which TF.js cannot run, naming the block', () => {
    const result = exportTfjsTopology(importFixture('all_sequential.keras3.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.diagnostics[0]?.message).toMatch(/Dense 'dense' has an activity regularizer, which TensorFlow.js cannot train/);
  });

  const small = templates.filter((t) => !['vgg16', 'vgg19', 'resnet50', 'inception_v3', 'mobilenet', 'vgg16_cats_dogs'].includes(t.id));
  it.each(small.map((t) => t.id))('template %s', async (id) => {
    const template = templates.find((t) => t.id === id);
    if (!template) throw new Error(id);
    const graph = template.build();
    const model = await load(graph);
    expectSameAsInference(graph, model);
    // It runs: a forward pass on zeros gives the output shape.
    const input = model.inputs[0];
    if (input) {
      const x = tf.zeros([1, ...input.shape.slice(1).map((d) => d ?? 1)]);
      const y = model.predict(x);
      expect(Array.isArray(y) ? y[0]?.shape[0] : y.shape[0]).toBe(1);
    }
  });

  it('the plain Keras 2 export loads too where TF.js needs no substitute (keras_cnn)', async () => {
    const graph = importFixture('keras_cnn.keras3.json');
    expectSameAsInference(graph, await load(graph, 'keras2'));
  });
});
