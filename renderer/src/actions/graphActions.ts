import type { Graph, GraphEdge, GraphNode, Position } from '../../../shared/graph/types';
import { addNode, connect, copyFragment, disconnect, moveNodes, pasteGroup, removeNodes, renameNode, setParam } from '../../../shared/graph/commands';
import { autoLayout } from '../../../shared/layout';
import type { JsonValue } from '../../../shared/json';
import { canvasControl } from '../state/canvasControl';
import { editor } from '../state/editorStore';
import { showToast } from '../ui/toasts';

/** Vertical distance between a block and one added below it. */
const stepY = 110;

/**
 * Adds a block. With `below` (click in the palette while a block is selected) it lands under
 * that block and is wired to it when the wiring is valid: building a chain is a row of clicks.
 */
export function addBlock(kind: string, position?: Position, below?: string, params: { readonly [key: string]: JsonValue } = {}): string {
  const g = editor.graph();
  const anchor = below === undefined ? undefined : g.nodes.find((n) => n.id === below);
  const at =
    position ?? (anchor === undefined ? (canvasControl()?.viewportCentre() ?? { x: 0, y: 0 }) : { x: anchor.position.x, y: anchor.position.y + stepY });
  const added = addNode(g, kind, at);
  let next = added.graph;
  for (const [key, value] of Object.entries(params)) next = setParam(next, added.nodeId, key, value);
  if (anchor !== undefined) {
    const wired = connect(next, anchor.id, added.nodeId, 0);
    // Said, not silent: the new block is wired below the selected one.
    if (wired.ok) {
      next = wired.value;
      showToast(`Added ${kind} below ${anchor.name}, wired to it (Ctrl+Z undoes)`, 'info', 3000);
    }
  }
  editor.edit(() => next, { nodes: [added.nodeId], edges: [] });
  return added.nodeId;
}

/** Wires source to target's input `targetIndex`; a refused wiring is explained in a toast. */
export function connectBlocks(source: string, target: string, targetIndex: number): void {
  const result = connect(editor.graph(), source, target, targetIndex);
  if (!result.ok) {
    showToast(result.error.message, 'error');
    return;
  }
  editor.edit(() => result.value);
}

export function deleteSelection(): void {
  const { nodes, edges } = editor.store.getState().selection;
  if (nodes.length === 0 && edges.length === 0) return;
  editor.edit(
    (graph) => {
      let g = graph;
      for (const id of edges) if (g.edges.some((e) => e.id === id)) g = disconnect(g, id);
      return nodes.length > 0 ? removeNodes(g, nodes) : g;
    },
    { nodes: [], edges: [] },
  );
}

/** A field commits whole values (Enter, blur, a choice), so each change is its own undo step. */
export function setBlockParam(nodeId: string, key: string, value: JsonValue): void {
  editor.edit((graph) => setParam(graph, nodeId, key, value));
}

/** A rename is committed whole (Enter or blur), so each one is its own undo step. */
export function renameBlock(nodeId: string, name: string): void {
  editor.edit((graph) => renameNode(graph, nodeId, name));
}

export function commitMoves(graph: Graph, moves: ReadonlyMap<string, Position>): Graph {
  return moveNodes(
    graph,
    [...moves].map(([id, position]) => ({ id, position })),
  );
}

export interface Fragment {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

let clipboard: Fragment | null = null;
let pasteCount = 0;

export function copySelection(): boolean {
  const ids = editor.store.getState().selection.nodes;
  if (ids.length === 0) return false;
  clipboard = copyFragment(editor.graph(), ids);
  pasteCount = 0;
  showToast(`Copied ${ids.length} block${ids.length === 1 ? '' : 's'}`);
  return true;
}

export function pasteClipboard(): void {
  const fragment = clipboard;
  if (fragment === null) return;
  pasteCount += 1;
  const r = pasteGroup(editor.graph(), fragment, { x: 40 * pasteCount, y: 40 * pasteCount });
  editor.edit(() => r.graph, { nodes: r.nodeIds, edges: [] });
}

export function duplicateSelection(): void {
  const ids = editor.store.getState().selection.nodes;
  if (ids.length === 0) return;
  // pasteGroup (not duplicateNodes) so the copies can be selected afterwards.
  const r = pasteGroup(editor.graph(), copyFragment(editor.graph(), ids), { x: 40, y: 40 });
  editor.edit(() => r.graph, { nodes: r.nodeIds, edges: [] });
}

export function selectAll(): void {
  const g = editor.graph();
  editor.select({ nodes: g.nodes.map((n) => n.id), edges: [] });
}

export function layoutGraph(): void {
  editor.edit((graph) => autoLayout(graph));
  requestAnimationFrame(() => canvasControl()?.fit());
}
