import { describe, expect, it } from 'vitest';
import { findGroups } from './grouping';
import { groupedView } from './groupView';
import { inferGraph } from './inference/infer';
import { laidOut } from './layout';
import { getTemplate } from './templates';

function resnet() {
  const t = getTemplate('resnet50');
  if (t === undefined) throw new Error('no resnet50 template');
  const graph = laidOut(t.build());
  const inference = inferGraph(graph);
  return { graph, groups: findGroups(graph, (id) => inference.nodes.get(id)?.outputShape ?? null) };
}

describe('groupedView', () => {
  it('collapsed: one unit per stage, wires between them, no frames; every layer shown by its outermost group', () => {
    const { graph, groups } = resnet();
    const view = groupedView(graph, groups, new Set());
    expect(view.units).toHaveLength(8);
    expect(view.edges).toHaveLength(7);
    expect(view.frames).toEqual([]);
    const conv2 = groups.find((g) => g.label === 'conv2');
    const member = conv2?.members[0] ?? '';
    expect(view.shownAs.get(member)).toBe(conv2?.id);
    // Top to bottom, one per row.
    const ys = view.units.map((u) => u.position.y);
    expect(new Set(ys).size).toBe(8);
  });

  it('a stage opened in place shows its blocks inside a frame; a block opened shows its layers side by side', () => {
    const { graph, groups } = resnet();
    const conv2 = groups.find((g) => g.label === 'conv2');
    const block1 = groups.find((g) => g.label === 'conv2_block1');
    if (conv2 === undefined || block1 === undefined) throw new Error('groups missing');
    const staged = groupedView(graph, groups, new Set([conv2.id]));
    expect(staged.units).toHaveLength(8 - 1 + 3);
    expect(staged.frames.map((f) => f.group.label)).toEqual(['conv2']);
    const opened = groupedView(graph, groups, new Set([conv2.id, block1.id]));
    expect(opened.frames.map((f) => f.group.label).sort()).toEqual(['conv2', 'conv2_block1']);
    const inBlock = opened.units.filter((u) => block1.members.includes(u.id));
    expect(inBlock).toHaveLength(block1.members.length);
    // The shortcut and the main path sit in two columns.
    expect(new Set(inBlock.map((u) => u.position.x)).size).toBeGreaterThan(1);
    // The frame holds every layer of the block.
    const frame = opened.frames.find((f) => f.group.id === block1.id);
    for (const u of inBlock) {
      expect(u.position.x).toBeGreaterThanOrEqual(frame?.x ?? Infinity);
      expect(u.position.y).toBeGreaterThanOrEqual(frame?.y ?? Infinity);
    }
  });
});
