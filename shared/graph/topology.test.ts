import { buildChain, buildGraph } from './fromSpec';
import { cycle, inception, names } from './graphSpecs.test-util';
import { describe, expect, it } from 'vitest';
import { findCycle, inputNodes, inputsOf, isSequentialChain, modelClassOf, outputNodes, topologicalOrder } from './topology';

describe('topology helpers', () => {
  const chain = buildChain('c', [
    { name: 'in', kind: 'InputLayer' },
    { name: 'f', kind: 'Flatten' },
    { name: 'd', kind: 'Dense' },
  ]);

  it('topological order keeps creation order among ready nodes', () => {
    expect(names(topologicalOrder(buildGraph('m', inception)))).toEqual(inception.map((s) => s.name));
    expect(names(topologicalOrder(chain))).toEqual(['in', 'f', 'd']);
  });

  it('finds cycles', () => {
    const g = buildGraph('cyc', cycle);
    expect(topologicalOrder(g)).toBeNull();
    expect(findCycle(g)?.sort()).toEqual(['a', 'b', 'c']);
    expect(findCycle(chain)).toBeNull();
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
    [
      'two inputs',
      buildGraph('t', [
        { name: 'a', kind: 'InputLayer' },
        { name: 'b', kind: 'InputLayer' },
      ]),
      false,
    ],
    [
      'no input',
      buildChain('n', [
        { name: 'f', kind: 'Flatten' },
        { name: 'd', kind: 'Dense' },
      ]),
      false,
    ],
    [
      'chain plus a loose block',
      buildGraph('l', [
        { name: 'in', kind: 'InputLayer' },
        { name: 'd', kind: 'Dense', inputs: ['in'] },
        { name: 'x', kind: 'Dense' },
      ]),
      false,
    ],
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
