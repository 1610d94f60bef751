import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importModel } from '../keras';
import { describe, expect, it } from 'vitest';
import { buildChain, buildGraph, type LayerSpec } from './fromSpec';
import {
  findCycle, inputNodes, inputsOf, isSequentialChain, kerasLayerOrder, kerasMap, modelClassOf, outputNodes, topologicalOrder,
} from './topology';

const inception: LayerSpec[] = [
  { name: 'features', kind: 'InputLayer' },
  { name: 'b1x1', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b3x3_reduce', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b3x3', kind: 'Conv2D', inputs: ['b3x3_reduce'] },
  { name: 'b5x5_reduce', kind: 'Conv2D', inputs: ['features'] },
  { name: 'b5x5', kind: 'Conv2D', inputs: ['b5x5_reduce'] },
  { name: 'pool', kind: 'MaxPooling2D', inputs: ['features'] },
  { name: 'pool_proj', kind: 'Conv2D', inputs: ['pool'] },
  { name: 'concat', kind: 'Concatenate', inputs: ['b1x1', 'b3x3', 'b5x5', 'pool_proj'] },
];
// model.layers as real Keras 3.15 lists them for the same module (tests/fixtures/keras/inception_module.summary.json).
const kerasInceptionOrder = (JSON.parse(readFileSync(path.join(__dirname, '../../tests/fixtures/keras/inception_module.summary.json'), 'utf8')) as { layers: { name: string }[] }).layers.map((l) => l.name);

const names = (nodes: readonly { name: string }[] | null): string[] | null => nodes && nodes.map((n) => n.name);

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
    const g = buildGraph('two', [
      { name: 'a', kind: 'InputLayer' },
      { name: 'unused', kind: 'InputLayer' },
      { name: 'd1', kind: 'Dense', inputs: ['a'] },
      { name: 'd2', kind: 'Dense', inputs: ['a'] },
    ], { outputs: ['d2', 'd1'] });
    expect(names(kerasLayerOrder(g))).toEqual(['a', 'unused', 'd2', 'd1']);
  });
});

describe('topology helpers', () => {
  const chain = buildChain('c', [
    { name: 'in', kind: 'InputLayer' }, { name: 'f', kind: 'Flatten' }, { name: 'd', kind: 'Dense' },
  ]);

  it('topological order keeps creation order among ready nodes', () => {
    expect(names(topologicalOrder(buildGraph('m', inception)))).toEqual(inception.map((s) => s.name));
    expect(names(topologicalOrder(chain))).toEqual(['in', 'f', 'd']);
  });

  it('finds cycles', () => {
    const g = buildGraph('cyc', [
      { name: 'in', kind: 'InputLayer' },
      { name: 'a', kind: 'Dense', inputs: ['c'] },
      { name: 'b', kind: 'Dense', inputs: ['a'] },
      { name: 'c', kind: 'Add', inputs: ['b', 'in'] },
    ]);
    expect(topologicalOrder(g)).toBeNull();
    expect(findCycle(g)?.sort()).toEqual(['a', 'b', 'c']);
    expect(findCycle(chain)).toBeNull();
    // Never loops forever; nothing is an output here, so only the InputLayer is listed (at depth 0).
    expect(kerasLayerOrder(g).map((n) => n.name)).toEqual(['in']);
  });

  it('inputs by targetIndex, input and output nodes', () => {
    const g = buildGraph('m', inception);
    const edges = [...g.edges].reverse();
    expect(inputsOf({ ...g, edges }, 'concat').map((e) => e.source)).toEqual(['b1x1', 'b3x3', 'b5x5', 'pool_proj']);
    expect(names(inputNodes(g))).toEqual(['features']);
    expect(names(outputNodes(g))).toEqual(['concat']);
    expect(names(outputNodes({ ...g, outputs: ['b1x1'] }))).toEqual(['b1x1']);
  });

  it.each([
    ['chain', chain, true],
    ['inception', buildGraph('m', inception), false],
    ['two inputs', buildGraph('t', [{ name: 'a', kind: 'InputLayer' }, { name: 'b', kind: 'InputLayer' }]), false],
    ['no input', buildChain('n', [{ name: 'f', kind: 'Flatten' }, { name: 'd', kind: 'Dense' }]), false],
    ['chain plus a loose block', buildGraph('l', [{ name: 'in', kind: 'InputLayer' }, { name: 'd', kind: 'Dense', inputs: ['in'] }, { name: 'x', kind: 'Dense' }]), false],
    ['empty', buildGraph('e', []), false],
  ])('isSequentialChain: %s -> %s', (_l, g, expected) => {
    expect(isSequentialChain(g)).toBe(expected);
  });

  it('modelClassOf honours a stored Functional on a chain', () => {
    expect(modelClassOf(chain)).toBe('Sequential');
    expect(modelClassOf({ ...chain, modelClass: 'Functional' })).toBe('Functional');
    expect(modelClassOf({ ...buildGraph('m', inception), modelClass: 'Sequential' })).toBe('Functional');
  });
});

describe('kerasLayerOrder on random DAGs checked with real Keras 3.15', () => {
  // shared/graph/fixtures/random_dag_*.json: several inputs and outputs, 2- and 3-way merges
  // (tests/keras-check/randomDags.ts draws them, gen_random_dags.py asks Keras for the order).
  it.each(['random_dag_1', 'random_dag_5', 'random_dag_8'])('%s, in any node order', (name) => {
    const fixture = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as { model: unknown; kerasOrder: string[] };
    const imported = importModel(fixture.model);
    if (!imported.ok) throw new Error(imported.message);
    // Pin the outputs (Keras's output_layers order) before shuffling the nodes around.
    const g = { ...imported.graph, outputs: outputNodes(imported.graph).map((n) => n.id) };
    for (const nodes of [g.nodes, [...g.nodes].reverse(), [...g.nodes.slice(3), ...g.nodes.slice(0, 3)]]) {
      expect(names(kerasLayerOrder({ ...g, nodes }))).toEqual(fixture.kerasOrder);
    }
  });
});
