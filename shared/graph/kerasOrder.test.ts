import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importModel } from '../keras';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './fromSpec';
import { cycle, inception, names } from './graphSpecs.test-util';
import { kerasLayerOrder, kerasMap } from './kerasOrder';
import { outputNodes } from './topology';

// model.layers as real Keras 3.15 lists them for the same module (tests/fixtures/keras/inception_module.summary.json).
const kerasInceptionOrder = (
  JSON.parse(readFileSync(path.join(__dirname, '../../tests/fixtures/keras/inception_module.summary.json'), 'utf8')) as { layers: { name: string }[] }
).layers.map((l) => l.name);

describe('kerasLayerOrder (Keras 3 map_graph)', () => {
  it.each([
    ['as written', inception],
    ['reversed node order', [...inception].reverse()],
    ['rotated node order', [...inception.slice(4), ...inception.slice(0, 4)]],
  ])('inception module, %s', (_label, specs) => {
    expect(names(kerasLayerOrder(buildGraph('m', specs)))).toEqual(kerasInceptionOrder);
  });

  // The expected orders of the next two cases are what real Keras 3.15 printed for the same
  // models built with its functional API (keras-check), not what this code returned.
  it('residual block: the skip lands after the deeper branch', () => {
    const g = buildGraph('res', [
      { name: 'input', kind: 'InputLayer' },
      { name: 'conv_a', kind: 'Conv2D', inputs: ['input'] },
      { name: 'bn_a', kind: 'BatchNormalization', inputs: ['conv_a'] },
      { name: 'relu_a', kind: 'ReLU', inputs: ['bn_a'] },
      { name: 'conv_b', kind: 'Conv2D', inputs: ['relu_a'] },
      { name: 'add', kind: 'Add', inputs: ['conv_b', 'input'] },
      { name: 'out', kind: 'ReLU', inputs: ['add'] },
    ]);
    expect(names(kerasLayerOrder(g))).toEqual(['input', 'conv_a', 'bn_a', 'relu_a', 'conv_b', 'add', 'out']);
    // Keras's depth of a layer is its longest path to the output: input -> conv_a -> … -> out is 6 wires.
    expect(kerasMap(g).depth.get('input')).toBe(6);
  });

  it('two outputs are walked in output order; an unused input comes last', () => {
    const g = buildGraph(
      'two',
      [
        { name: 'a', kind: 'InputLayer' },
        { name: 'unused', kind: 'InputLayer' },
        { name: 'd1', kind: 'Dense', inputs: ['a'] },
        { name: 'd2', kind: 'Dense', inputs: ['a'] },
      ],
      { outputs: ['d2', 'd1'] },
    );
    expect(names(kerasLayerOrder(g))).toEqual(['a', 'unused', 'd2', 'd1']);
  });
});

describe('kerasLayerOrder on a cycle', () => {
  it('never loops forever; nothing is an output, so only the InputLayer is listed (at depth 0)', () => {
    const g = buildGraph('cyc', cycle);
    expect(kerasLayerOrder(g).map((n) => n.name)).toEqual(['in']);
    expect(kerasMap(g).depth.get('in')).toBe(0);
  });
});

describe('kerasLayerOrder on random DAGs checked with real Keras 3.15', () => {
  // shared/graph/fixtures/random_dag_*.json: several inputs and outputs, 2- and 3-way merges
  // (tests/keras-check/randomDags.ts draws them, gen_random_dags.py asks Keras for the order).
  it.each(['random_dag_1', 'random_dag_5', 'random_dag_8'])('%s, in any node order', (name) => {
    const fixture = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as { model: unknown; kerasOrder: string[] };
    const imported = importModel(fixture.model);
    if (!imported.ok) throw new Error(imported.error.message);
    // Pin the outputs (Keras's output_layers order) before shuffling the nodes around.
    const g = { ...imported.value.graph, outputs: outputNodes(imported.value.graph).map((n) => n.id) };
    for (const nodes of [g.nodes, [...g.nodes].reverse(), [...g.nodes.slice(3), ...g.nodes.slice(0, 3)]]) {
      expect(names(kerasLayerOrder({ ...g, nodes }))).toEqual(fixture.kerasOrder);
    }
  });
});
