import type { Diagnostic } from '../../../shared/diagnostics';
import type { Graph, GraphNode, Position, Shape } from '../../../shared/graph/types';
import { getLayerDef } from '../../../shared/layers/registry';
import type { LayerDef } from '../../../shared/layers/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../shared/layout';
import { formatShape } from '../ui/format';
import { describeSafely, diagnosticsByNode, worstSeverity } from '../blocks/blockFacts';
import type { PathSets } from './pathHighlight';
import { shapeEdge, targetHandleId, type BlockData, type BlockNode, type ShapeEdge } from './flowTypes';

/** The parts of an inference result the canvas reads (structural, so tests can hand-make one). */
export interface CanvasInference {
  readonly nodes: ReadonlyMap<
    string,
    {
      readonly outputShape: Shape | null;
      readonly params: { readonly trainable: number; readonly nonTrainable: number };
    }
  >;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DeriveInput {
  readonly graph: Graph;
  readonly inference: CanvasInference;
  readonly selectedNodes: readonly string[];
  readonly selectedEdges: readonly string[];
  readonly path: PathSets;
  readonly drag: ReadonlyMap<string, Position> | null;
  readonly measured: ReadonlyMap<string, { readonly width: number; readonly height: number }>;
}

/** Merge blocks show one socket per wired input plus a free one (within the class's limits). */
function socketCount(def: LayerDef | undefined, usedInputs: number): number {
  if (def === undefined) return 1;
  if (def.inputs.max <= 1) return def.inputs.max;
  return Math.min(def.inputs.max, Math.max(def.inputs.min, usedInputs + 1));
}

/** Per block, one past the highest input index wired into it (one pass over the wires, not one per block). */
function usedInputsByNode(graph: Graph): Map<string, number> {
  const used = new Map<string, number>();
  for (const e of graph.edges) used.set(e.target, Math.max(used.get(e.target) ?? 0, e.targetIndex + 1));
  return used;
}

function blockData(input: DeriveInput, node: GraphNode, byNode: ReadonlyMap<string, readonly Diagnostic[]>, usedInputs: number): BlockData {
  const def = getLayerDef(node.kind);
  const info = input.inference.nodes.get(node.id);
  const problems = byNode.get(node.id) ?? [];
  const anySelected = input.selectedNodes.length > 0;
  return {
    kind: node.kind,
    name: node.name,
    family: def?.family ?? 'unknown',
    detail: def === undefined ? 'unknown layer class' : describeSafely(node, def),
    paramCount: info === undefined ? null : info.params.trainable + info.params.nonTrainable,
    severity: worstSeverity(problems),
    problems: problems.filter((d) => d.severity !== 'info').map((d) => d.message),
    sockets: socketCount(def, usedInputs),
    onPath: anySelected && input.path.nodes.has(node.id),
    dimmed: anySelected && !input.path.nodes.has(node.id),
    frozen: node.params['trainable'] === false,
  };
}

function sameData(a: BlockData, b: BlockData): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.family === b.family &&
    a.detail === b.detail &&
    a.paramCount === b.paramCount &&
    a.severity === b.severity &&
    a.sockets === b.sockets &&
    a.onPath === b.onPath &&
    a.dimmed === b.dimmed &&
    a.frozen === b.frozen &&
    a.problems.length === b.problems.length &&
    a.problems.every((m, i) => m === b.problems[i])
  );
}

/**
 * Derives React Flow nodes from the graph, reusing the previous node object whenever nothing
 * it shows changed, so memoised block components skip re-rendering (ResNet50 stays smooth).
 */
export function createNodeDeriver(): (input: DeriveInput) => BlockNode[] {
  let previous = new Map<string, BlockNode>();
  return (input) => {
    const byNode = diagnosticsByNode(input.inference.diagnostics);
    const selected = new Set(input.selectedNodes);
    const usedInputs = usedInputsByNode(input.graph);
    const next = new Map<string, BlockNode>();
    const nodes = input.graph.nodes.map((n) => {
      const data = blockData(input, n, byNode, usedInputs.get(n.id) ?? 0);
      const position = input.drag?.get(n.id) ?? n.position;
      const measured = input.measured.get(n.id);
      const old = previous.get(n.id);
      const reuse =
        old !== undefined &&
        sameData(old.data, data) &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === selected.has(n.id) &&
        old.measured?.width === measured?.width &&
        old.measured?.height === measured?.height;
      const node: BlockNode =
        reuse && old !== undefined
          ? old
          : {
              id: n.id,
              type: 'block',
              position,
              data,
              selected: selected.has(n.id),
              // Blocks have a fixed size (shared/layout.ts), so fit and culling know it before rendering.
              width: NODE_WIDTH,
              height: NODE_HEIGHT,
              ...(measured === undefined ? {} : { measured: { width: measured.width, height: measured.height } }),
            };
      next.set(n.id, node);
      return node;
    });
    previous = next;
    return nodes;
  };
}

/** React Flow edges, each labelled with the shape of the tensor it carries. */
export function createEdgeDeriver(): (input: DeriveInput) => ShapeEdge[] {
  let previous = new Map<string, ShapeEdge>();
  return (input) => {
    const selected = new Set(input.selectedEdges);
    const anySelected = input.selectedNodes.length > 0;
    const fanOut = new Map<string, number>();
    const fanIn = new Map<string, number>();
    for (const e of input.graph.edges) {
      fanOut.set(e.source, (fanOut.get(e.source) ?? 0) + 1);
      fanIn.set(e.target, (fanIn.get(e.target) ?? 0) + 1);
    }
    const next = new Map<string, ShapeEdge>();
    const edges = input.graph.edges.map((e) => {
      const shape = input.inference.nodes.get(e.source)?.outputShape ?? null;
      const label = shape === null ? null : formatShape(shape);
      const onPath = anySelected && input.path.edges.has(e.id);
      const spreads = (fanOut.get(e.source) ?? 0) > 1;
      const merges = (fanIn.get(e.target) ?? 0) > 1;
      const labelAt = spreads && !merges ? 0.72 : merges && !spreads ? 0.28 : 0.5;
      const old = previous.get(e.id);
      const reuse =
        old !== undefined &&
        old.source === e.source &&
        old.target === e.target &&
        old.targetHandle === targetHandleId(e.targetIndex) &&
        old.data?.shape === label &&
        old.data.onPath === onPath &&
        old.data.labelAt === labelAt &&
        old.selected === selected.has(e.id);
      const edge: ShapeEdge = reuse && old !== undefined ? old : { ...shapeEdge(e, { shape: label, onPath, labelAt }), selected: selected.has(e.id) };
      next.set(e.id, edge);
      return edge;
    });
    previous = next;
    return edges;
  };
}
