import { describe, expect, it } from 'vitest';
import { buildGraph, type LayerSpec } from './graph/fromSpec';
import type { Graph, GraphNode } from './graph/types';
import { autoLayout, HORIZONTAL_GAP, laidOut, NODE_HEIGHT, NODE_WIDTH, placeRow, VERTICAL_GAP } from './layout';
import { getTemplate, templates } from './templates';
import { seededRandom } from './random';

const row = NODE_HEIGHT + VERTICAL_GAP;

/** in -> a -> b, one Dense after another. */
const denseChain: readonly LayerSpec[] = [
  { name: 'in', kind: 'InputLayer' },
  { name: 'a', kind: 'Dense', inputs: ['in'] },
  { name: 'b', kind: 'Dense', inputs: ['a'] },
];

function at(graph: Graph, name: string): GraphNode {
  const node = graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name}`);
  return node;
}

const center = (n: GraphNode) => n.position.x + NODE_WIDTH / 2;

describe('autoLayout', () => {
  it('returns an empty graph unchanged', () => {
    const empty: Graph = { name: 'm', nodes: [], edges: [] };
    expect(autoLayout(empty)).toBe(empty);
  });

  it('stacks a chain in one column, input on top, one row per layer', () => {
    const g = autoLayout(buildGraph('m', denseChain));
    expect(g.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: row },
      { x: 0, y: 2 * row },
    ]);
  });

  it('ignores old positions and never mutates its input', () => {
    const g = getTemplate('inception_module')?.build();
    if (!g) throw new Error('template');
    const moved: Graph = { ...g, nodes: g.nodes.map((n, i) => ({ ...n, position: { x: 1000 - i * 37, y: i * 11 } })) };
    const frozen = JSON.stringify(moved);
    expect(autoLayout(moved)).toEqual(g);
    expect(JSON.stringify(moved)).toBe(frozen);
  });

  it("puts branches side by side, a merge's inputs left to right in input order, the merge centred below", () => {
    const g = getTemplate('inception_module')?.build();
    if (!g) throw new Error('template');
    const branches = ['b1x1', 'b3x3_reduce', 'b5x5_reduce', 'pool'].map((n) => at(g, n));
    expect(new Set(branches.map((n) => n.position.y))).toEqual(new Set([row]));
    const xs = branches.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBe(NODE_WIDTH + HORIZONTAL_GAP);
    expect(at(g, 'concat').position.y).toBe(3 * row);
    expect(center(at(g, 'concat'))).toBe(center(at(g, 'features')));
    expect(center(at(g, 'concat'))).toBe((Math.min(...xs) + Math.max(...xs)) / 2 + NODE_WIDTH / 2);
  });

  it('keeps a skip connection clear of the blocks it skips (straight edge beside the chain)', () => {
    for (const id of ['resnet50', 'residual_block']) {
      const g = getTemplate(id)?.build();
      if (!g) throw new Error(id);
      const adds = g.nodes.filter((n) => n.kind === 'Add');
      expect(adds.length).toBeGreaterThan(0);
      let skips = 0;
      for (const e of g.edges) {
        const s = g.nodes.find((n) => n.id === e.source);
        const t = g.nodes.find((n) => n.id === e.target);
        if (!s || !t || t.kind !== 'Add' || center(s) !== center(t)) continue;
        const between = g.nodes.filter((n) => n.position.y > s.position.y && n.position.y < t.position.y);
        expect(between.length, `${id}: ${s.name} -> ${t.name}`).toBeGreaterThan(0);
        for (const n of between) expect(Math.abs(center(n) - center(s)), n.name).toBeGreaterThan(NODE_WIDTH / 2);
        skips++;
      }
      expect(skips, id).toBeGreaterThan(0);
    }
  });

  it('moves an input that only feeds a late merge down next to it', () => {
    const g = autoLayout(buildGraph('m', [...denseChain, { name: 'side', kind: 'InputLayer' }, { name: 'sum', kind: 'Add', inputs: ['b', 'side'] }]));
    expect(at(g, 'side').position.y).toBe(2 * row);
    expect(at(g, 'sum').position.y).toBe(3 * row);
  });

  it('untangles crossing edges', () => {
    // Walking up from s1 puts a, c, b in that order and c -> s1 crosses a -> s2; c, a, b does not.
    const g = autoLayout(
      buildGraph('m', [
        { name: 'a', kind: 'InputLayer' },
        { name: 'b', kind: 'InputLayer' },
        { name: 'c', kind: 'InputLayer' },
        { name: 's1', kind: 'Add', inputs: ['a', 'c'] },
        { name: 's2', kind: 'Add', inputs: ['b', 'a'] },
      ]),
    );
    const x = (name: string) => at(g, name).position.x;
    expect(x('c')).toBeLessThan(x('a'));
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('s1')).toBeLessThan(x('s2'));
  });

  it('survives a cycle (a wiring mistake the inference reports) and places every node', () => {
    const g = autoLayout(
      buildGraph('m', [
        { name: 'in', kind: 'InputLayer' },
        { name: 'a', kind: 'Dense', inputs: ['in', 'b'] },
        { name: 'b', kind: 'Dense', inputs: ['a'] },
      ]),
    );
    expect(g.nodes.map((n) => n.position.y)).toEqual([0, row, 2 * row]);
  });

  it.each(templates.map((t) => t.id))('lays out %s with every edge pointing down and no overlaps', (id) => {
    const g = getTemplate(id)?.build();
    if (!g) throw new Error(id);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of g.edges) {
      expect((byId.get(e.target)?.position.y ?? 0) - (byId.get(e.source)?.position.y ?? 0), e.id).toBeGreaterThanOrEqual(row);
    }
    const rows = new Map<number, number[]>();
    for (const n of g.nodes) rows.set(n.position.y, [...(rows.get(n.position.y) ?? []), n.position.x]);
    for (const xs of rows.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(NODE_WIDTH + HORIZONTAL_GAP);
    }
    expect(Math.min(...g.nodes.map((n) => n.position.x))).toBe(0);
    const inputs = g.nodes.filter((n) => n.kind === 'InputLayer');
    for (const n of inputs) expect(n.position.y).toBe(0);
  });
});

describe('autoLayout on random graphs', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i: edges point down, rows never overlap, layout is repeatable', (seed) => {
    const random = seededRandom(seed);
    const count = 2 + Math.floor(random() * 60);
    const specs = Array.from({ length: count }, (_, i) => {
      const inputs: string[] = [];
      if (i > 0 && random() > 0.1) {
        const fanIn = 1 + Math.floor(random() * (random() > 0.8 ? 3 : 1));
        for (let k = 0; k < fanIn; k++) inputs.push(`n${Math.floor(random() * i)}`);
      }
      return { name: `n${i}`, kind: inputs.length === 0 ? 'InputLayer' : inputs.length > 1 ? 'Add' : 'Dense', inputs };
    });
    const g = autoLayout(buildGraph('random', specs));
    expect(autoLayout(g)).toEqual(g);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of g.edges) {
      if (e.source === e.target) continue;
      expect((byId.get(e.target)?.position.y ?? 0) - (byId.get(e.source)?.position.y ?? 0)).toBeGreaterThanOrEqual(row);
    }
    const rows = new Map<number, number[]>();
    for (const n of g.nodes) rows.set(n.position.y, [...(rows.get(n.position.y) ?? []), n.position.x]);
    for (const xs of rows.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(NODE_WIDTH + HORIZONTAL_GAP - 1);
    }
    expect(Math.min(...g.nodes.map((n) => n.position.x))).toBe(0);
  });
});

describe('laidOut', () => {
  const chain = buildGraph('m', [
    { name: 'in', kind: 'InputLayer' },
    { name: 'a', kind: 'Dense', inputs: ['in'] },
  ]);
  const unplaced: Graph = { ...chain, nodes: chain.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) };

  it('lays out a graph whose blocks all sit at the origin', () => {
    expect(laidOut(unplaced).nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: row },
    ]);
  });

  it('keeps a graph that has positions as it is', () => {
    const placed: Graph = { ...unplaced, nodes: unplaced.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: 5, y: 0 } } : n)) };
    expect(laidOut(placed)).toBe(placed);
  });
});

describe('placeRow', () => {
  // Worked by hand: slots keep their order, and blocks that would sit closer than 260 form a
  // cluster spaced exactly 260, centred on the mean of its desired x (least squares).
  it.each([
    { desired: [0, 0], xs: [-130, 130] },
    { desired: [0, 1000], xs: [0, 1000] },
    { desired: [100, 0, 0], xs: [100 / 3 - 260, 100 / 3, 100 / 3 + 260] },
    { desired: [500, 0], xs: [250 - 130, 250 + 130] },
    { desired: [0, 0, 1000], xs: [-130, 130, 1000] },
    { desired: [0, 100, 200, 1000], xs: [100 - 260, 100, 100 + 260, 1000] },
    { desired: [0, 0, 400, 400], xs: [200 - 390, 200 - 130, 200 + 130, 200 + 390] },
    { desired: [], xs: [] },
  ])('places $desired at least 260 apart as near as possible', ({ desired, xs }) => {
    const got = placeRow(desired, 260);
    expect(got.length).toBe(xs.length);
    got.forEach((x, i) => expect(x).toBeCloseTo(xs[i] ?? 0, 2));
  });
});
