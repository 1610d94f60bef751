import type { Graph, GraphNode, Position } from './graph/types';
import type { BlockGroup } from './grouping';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from './layout';

/*
 * What the canvas draws for a big model with its repeated structure collapsed: each collapsed
 * group is one unit, every other layer its own unit; wires run between units; expanded groups
 * get a frame around their members. The units are laid out with the same layered layout as the
 * blocks (branches side by side), rows a little tighter, so the view is computed, never stored:
 * the graph's own positions stay as the user left them.
 */

export interface ViewUnit {
  /** A layer's node id, or a group's id. */
  readonly id: string;
  readonly group: BlockGroup | null;
  readonly position: Position;
}

export interface ViewEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly targetIndex: number;
  /** The layer whose output this wire carries (its shape labels the wire). */
  readonly from: string;
  /** The graph's own edge when both ends are drawn as themselves. */
  readonly original: boolean;
}

export interface ViewFrame {
  readonly group: BlockGroup;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GroupedView {
  readonly units: readonly ViewUnit[];
  readonly edges: readonly ViewEdge[];
  readonly frames: readonly ViewFrame[];
  /** For each layer, the unit that shows it (itself, or the collapsed group around it). */
  readonly shownAs: ReadonlyMap<string, string>;
}

/** Rows of the grouped view: blocks are NODE_HEIGHT tall, with room for a wire's shape label between rows. */
export const GROUPED_ROW = NODE_HEIGHT + 44;
const FRAME_PAD = 14;
const FRAME_HEADER = 26;

/** The groups around a layer, innermost first. */
function ancestry(groups: readonly BlockGroup[]): Map<string, BlockGroup[]> {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const out = new Map<string, BlockGroup[]>();
  for (const g of groups) {
    if (g.kind === 'stage') continue;
    const chain: BlockGroup[] = [g];
    for (let p = g.parent === null ? undefined : byId.get(g.parent); p !== undefined; p = p.parent === null ? undefined : byId.get(p.parent)) chain.push(p);
    for (const m of g.members) out.set(m, chain);
  }
  return out;
}

export function groupedView(graph: Graph, groups: readonly BlockGroup[], expanded: ReadonlySet<string>): GroupedView {
  const chains = ancestry(groups);
  const shownAs = new Map<string, string>();
  const groupOfUnit = new Map<string, BlockGroup>();
  for (const n of graph.nodes) {
    const chain = chains.get(n.id) ?? [];
    // The outermost collapsed group shows the layer; with every group around it open, it shows itself.
    let unit = n.id;
    for (let i = chain.length - 1; i >= 0; i--) {
      const g = chain[i];
      if (g !== undefined && !expanded.has(g.id)) {
        unit = g.id;
        groupOfUnit.set(g.id, g);
        break;
      }
    }
    shownAs.set(n.id, unit);
  }
  // Units in the graph's order of their first layer, so the layout's tie-breaks follow the model.
  const unitIds: string[] = [];
  const seen = new Set<string>();
  for (const n of graph.nodes) {
    const u = shownAs.get(n.id) ?? n.id;
    if (!seen.has(u)) {
      seen.add(u);
      unitIds.push(u);
    }
  }
  const edges: ViewEdge[] = [];
  const edgeKeys = new Set<string>();
  for (const e of graph.edges) {
    const source = shownAs.get(e.source) ?? e.source;
    const target = shownAs.get(e.target) ?? e.target;
    if (source === target) continue;
    const original = source === e.source && target === e.target;
    const targetIndex = target === e.target ? e.targetIndex : 0;
    const key = `${source}->${target}:${targetIndex}`;
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    edges.push({ id: original ? e.id : `view:${key}`, source, target, targetIndex, from: e.source, original });
  }
  // Lay the units out as if they were blocks.
  const nodes: GraphNode[] = unitIds.map((id) => ({ id, kind: 'Unit', name: id, params: {}, position: { x: 0, y: 0 } }));
  const laid = autoLayout({ name: graph.name, nodes, edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, targetIndex: e.targetIndex })) });
  const rowOf = (y: number) => Math.round(y / (NODE_HEIGHT + 60));
  const units: ViewUnit[] = laid.nodes.map((n) => ({
    id: n.id,
    group: groupOfUnit.get(n.id) ?? null,
    position: { x: n.position.x, y: rowOf(n.position.y) * GROUPED_ROW },
  }));

  // Frames around expanded groups: the box of everything drawn for their layers.
  const where = new Map(units.map((u) => [u.id, u.position]));
  const frames: ViewFrame[] = [];
  const depth = (g: BlockGroup) => (g.parent === null ? 0 : 1);
  for (const g of groups) {
    if (!expanded.has(g.id)) continue;
    const drawn = new Set(g.members.map((m) => shownAs.get(m) ?? m));
    if (drawn.has(g.id)) continue; // inside a collapsed parent
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const id of drawn) {
      const p = where.get(id);
      if (p === undefined) continue;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + NODE_WIDTH);
      y1 = Math.max(y1, p.y + NODE_HEIGHT);
    }
    if (!Number.isFinite(x0)) continue;
    // An outer frame (a stage) sits a little further out than the modules inside it.
    const pad = FRAME_PAD + (depth(g) === 0 && g.kind === 'stage' ? 10 : 0);
    const header = FRAME_HEADER + (depth(g) === 0 && g.kind === 'stage' && g.children.some((c) => expanded.has(c)) ? FRAME_HEADER - 8 : 0);
    frames.push({ group: g, x: x0 - pad, y: y0 - header, width: x1 - x0 + 2 * pad, height: y1 - y0 + header + pad });
  }
  return { units, edges, frames, shownAs };
}
