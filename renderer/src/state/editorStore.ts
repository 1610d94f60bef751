import type { Graph, Position } from '../../../shared/graph/types';
import { withKerasDefaultName } from '../../../shared/graph/naming';
import { emptyGraph } from '../../../shared/graph/types';
import { createStore, type Store } from './createStore';
import { initHistory, pushHistory, redoHistory, undoHistory, type History } from './history';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export interface EditorState {
  /** The graph with its undo history; `history.present` is what the canvas shows. */
  readonly history: History<Graph>;
  readonly selection: Selection;
  /** Positions of blocks being dragged right now; folded into the graph as one entry on drop. */
  readonly drag: ReadonlyMap<string, Position> | null;
  /** A request for the canvas to centre on a block (Problems tab); `seq` makes repeats distinct. */
  readonly focus: { readonly nodeId: string; readonly seq: number } | null;
  /** Bumped by every load (new, open, template, import): results computed for an earlier document are not this one's. */
  readonly document: number;
}

export const noSelection: Selection = { nodes: [], edges: [] };

/**
 * The editor's one source of truth. Every graph change goes through `edit` (one undo entry) with
 * a pure command from shared/graph; React Flow's nodes and edges are derived from this state.
 */
export interface Editor {
  readonly store: Store<EditorState>;
  graph(): Graph;
  /** Apply a pure command as one undo step; returns false when it changed nothing. */
  edit(command: (graph: Graph) => Graph, select?: Selection): boolean;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Replace the whole graph (open, new, template) and forget the history. */
  load(graph: Graph): void;
  select(selection: Selection): void;
  dragTo(moves: ReadonlyMap<string, Position>): void;
  /** Ends a drag: the accumulated moves become one undoable edit. */
  endDrag(commit: (graph: Graph, moves: ReadonlyMap<string, Position>) => Graph): void;
  focusNode(nodeId: string): void;
}

export function createEditor(initial: Graph = emptyGraph): Editor {
  const store = createStore<EditorState>({ history: initHistory(initial), selection: noSelection, drag: null, focus: null, document: 0 });
  const graph = () => store.getState().history.present;

  // Selection ids that no longer exist (after undo, delete) are dropped so the inspector never shows ghosts.
  const pruneSelection = (g: Graph, s: Selection): Selection => {
    const nodeIds = new Set(g.nodes.map((n) => n.id));
    const edgeIds = new Set(g.edges.map((e) => e.id));
    const nodes = s.nodes.filter((id) => nodeIds.has(id));
    const edges = s.edges.filter((id) => edgeIds.has(id));
    return nodes.length === s.nodes.length && edges.length === s.edges.length ? s : { nodes, edges };
  };

  return {
    store,
    graph,
    edit(command, select) {
      const before = graph();
      const edited = command(before);
      if (edited === before) return false;
      // An unnamed model follows Keras's naming: 'sequential' while a chain, 'functional' once branched.
      const after = withKerasDefaultName(edited);
      store.setState((s) => ({ ...s, history: pushHistory(s.history, after), selection: pruneSelection(after, select ?? s.selection) }));
      return true;
    },
    undo() {
      store.setState((s) => {
        const history = undoHistory(s.history);
        return history === s.history ? s : { ...s, history, drag: null, selection: pruneSelection(history.present, s.selection) };
      });
    },
    redo() {
      store.setState((s) => {
        const history = redoHistory(s.history);
        return history === s.history ? s : { ...s, history, drag: null, selection: pruneSelection(history.present, s.selection) };
      });
    },
    canUndo: () => store.getState().history.past.length > 0,
    canRedo: () => store.getState().history.future.length > 0,
    load(g) {
      store.setState((s) => ({ history: initHistory(g), selection: noSelection, drag: null, focus: null, document: s.document + 1 }));
    },
    select(selection) {
      store.setState((s) => {
        const same = sameIds(s.selection.nodes, selection.nodes) && sameIds(s.selection.edges, selection.edges);
        return same ? s : { ...s, selection };
      });
    },
    dragTo(moves) {
      store.setState((s) => {
        const drag = new Map(s.drag ?? []);
        for (const [id, p] of moves) drag.set(id, p);
        return { ...s, drag };
      });
    },
    endDrag(commit) {
      const { drag } = store.getState();
      if (drag === null) return;
      const before = graph();
      const after = drag.size > 0 ? commit(before, drag) : before;
      store.setState((s) => ({
        ...s,
        drag: null,
        history: after === before ? s.history : pushHistory(s.history, after),
      }));
    },
    focusNode(nodeId) {
      store.setState((s) => ({ ...s, selection: { nodes: [nodeId], edges: [] }, focus: { nodeId, seq: (s.focus?.seq ?? 0) + 1 } }));
    },
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** The app's editor (one window, one graph). Components read it through hooks in useEditor.ts. */
export const editor = createEditor();
