import type { Graph } from '../../../shared/graph/types';
import type { BlockGroup } from '../../../shared/grouping';
import type { GroupedView } from '../../../shared/groupView';
import { getLayerDef } from '../../../shared/layers/registry';
import type { Family } from '../../../shared/layers/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../shared/layout';
import { formatCount, formatShape } from '../ui/format';
import type { CanvasInference } from './flowModel';
import { shapeEdge, type BlockNode, type CanvasNode, type GroupData, type ShapeEdge } from './flowTypes';

/** What a group holds, in words: "stage · 3 blocks · 33 layers", "module · 10 layers". */
function summaryOf(g: BlockGroup): string {
  const layers = `${formatCount(g.members.length)} layers`;
  if (g.kind === 'stage') return `${g.children.length} blocks · ${layers}`;
  return g.kind === 'stem' ? `stem · ${layers}` : layers;
}

/** The family most of a group's weights belong to (its stripe colour): convolution for a ResNet stage. */
function familyOf(graph: Graph, g: BlockGroup, inference: CanvasInference): Family | 'unknown' {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const weight = new Map<Family, number>();
  for (const m of g.members) {
    const family = getLayerDef(byId.get(m)?.kind ?? '')?.family;
    if (family === undefined) continue;
    const p = inference.nodes.get(m)?.params;
    weight.set(family, (weight.get(family) ?? 0) + 1 + (p === undefined ? 0 : p.trainable + p.nonTrainable));
  }
  let best: Family | 'unknown' = 'unknown';
  let most = -1;
  for (const [f, w] of weight)
    if (w > most) {
      best = f;
      most = w;
    }
  return best;
}

export function groupData(graph: Graph, g: BlockGroup, inference: CanvasInference): GroupData {
  let params = 0;
  for (const m of g.members) {
    const p = inference.nodes.get(m)?.params;
    if (p !== undefined) params += p.trainable + p.nonTrainable;
  }
  const shape = inference.nodes.get(g.last)?.outputShape ?? null;
  return {
    groupId: g.id,
    label: g.label,
    summary: summaryOf(g),
    family: familyOf(graph, g, inference),
    paramCount: params,
    shape: shape === null ? null : formatShape(shape),
    children: [...g.children],
  };
}

/**
 * React Flow's nodes and edges for the grouped view: the blocks it shows at the view's positions
 * (not draggable: the view is computed), one block per collapsed group, frames behind expanded
 * groups, and wires between them labelled with the shape they carry.
 */
export function groupedFlow(
  graph: Graph,
  view: GroupedView,
  inference: CanvasInference,
  blocks: readonly BlockNode[],
  edges: readonly ShapeEdge[],
  measured: ReadonlyMap<string, { readonly width: number; readonly height: number }>,
): { nodes: CanvasNode[]; edges: ShapeEdge[] } {
  // React Flow finds a wire's sockets through the node's measured size: without it, a node object
  // made afresh loses its handle bounds and the wires into it are not drawn.
  const size = (id: string) => {
    const m = measured.get(id);
    return m === undefined ? {} : { measured: { width: m.width, height: m.height } };
  };
  const blockById = new Map(blocks.map((b) => [b.id, b]));
  const nodes: CanvasNode[] = [];
  for (const f of view.frames) {
    const depth = f.group.kind === 'stage' ? 0 : 1;
    nodes.push({
      id: `frame:${f.group.id}`,
      type: 'frame',
      position: { x: f.x, y: f.y },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: depth - 2,
      width: f.width,
      height: f.height,
      ...size(`frame:${f.group.id}`),
      data: { ...groupData(graph, f.group, inference), width: f.width, height: f.height, depth },
    });
  }
  for (const u of view.units) {
    if (u.group !== null) {
      nodes.push({
        id: u.id,
        type: 'groupBlock',
        position: u.position,
        draggable: false,
        selectable: false,
        connectable: false,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        data: groupData(graph, u.group, inference),
        ...size(u.id),
      });
      continue;
    }
    const b = blockById.get(u.id);
    if (b !== undefined) nodes.push({ ...b, position: u.position, draggable: false });
  }
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const out: ShapeEdge[] = [];
  for (const e of view.edges) {
    const original = e.original ? edgeById.get(e.id) : undefined;
    if (original !== undefined) {
      out.push(original);
      continue;
    }
    const shape = inference.nodes.get(e.from)?.outputShape ?? null;
    out.push({ ...shapeEdge(e, { shape: shape === null ? null : formatShape(shape), onPath: false, labelAt: 0.5 }), selectable: false });
  }
  return { nodes, edges: out };
}
