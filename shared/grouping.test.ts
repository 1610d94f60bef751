import { describe, expect, it } from 'vitest';
import { findGroups } from './grouping';
import { inferGraph } from './inference/infer';
import { getTemplate } from './templates';
import { laidOut } from './layout';

function groupsOf(id: string) {
  const t = getTemplate(id);
  if (t === undefined) throw new Error(`no template ${id}`);
  const graph = laidOut(t.build());
  const inference = inferGraph(graph);
  const groups = findGroups(graph, (nodeId) => inference.nodes.get(nodeId)?.outputShape ?? null);
  const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return { graph, groups, name };
}

describe('findGroups', () => {
  it('ResNet50: a stem, four stages of residual blocks', () => {
    const { graph, groups, name } = groupsOf('resnet50');
    const stages = groups.filter((g) => g.kind === 'stage');
    expect(stages.map((g) => [g.label, g.children.length])).toEqual([
      ['conv2', 3],
      ['conv3', 4],
      ['conv4', 6],
      ['conv5', 3],
    ]);
    const stem = groups.find((g) => g.kind === 'stem');
    expect(stem?.members.map((m) => name.get(m))).toEqual(['conv1_pad', 'conv1_conv', 'conv1_bn', 'conv1_relu', 'pool1_pad', 'pool1_pool']);
    const block = groups.find((g) => g.label === 'conv2_block1');
    expect(block?.members.map((m) => name.get(m))).toContain('conv2_block1_out');
    expect(block?.members.map((m) => name.get(m))).toContain('conv2_block1_0_conv');
    expect(name.get(block?.last ?? '')).toBe('conv2_block1_out');
    expect(block?.parent).toBe(stages[0]?.id);
    // Every layer is in at most one module, and the top level is short: input, stem, 4 stages, pool, predictions.
    const inModule = groups.filter((g) => g.kind !== 'stage').flatMap((g) => g.members);
    expect(new Set(inModule).size).toBe(inModule.length);
    expect(
      graph.nodes.length - groups.filter((g) => g.parent === null).reduce((a, g) => a + g.members.length, 0) + groups.filter((g) => g.parent === null).length,
    ).toBe(8);
  });

  it('InceptionV3: a stem and three stages of mixed modules (35×35, 17×17, 8×8)', () => {
    const { groups } = groupsOf('inception_v3');
    expect(groups.filter((g) => g.kind === 'stage').map((g) => [g.label, g.children.length])).toEqual([
      ['mixed0–2', 3],
      ['mixed3–7', 5],
      ['mixed8–10', 3],
    ]);
    expect(groups.filter((g) => g.kind === 'stem')).toHaveLength(1);
  });

  it('small models stay block by block', () => {
    expect(groupsOf('keras_cnn').groups).toEqual([]);
    expect(groupsOf('vgg16').groups).toEqual([]);
  });
});
