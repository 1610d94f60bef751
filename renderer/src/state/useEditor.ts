import type { Graph } from '../../../shared/graph/types';
import { useStore } from './createStore';
import { editor, type EditorState, type Selection } from './editorStore';

export function useEditorState<T>(selector: (s: EditorState) => T): T {
  return useStore(editor.store, selector);
}

export function useGraph(): Graph {
  return useEditorState((s) => s.history.present);
}

export function useSelection(): Selection {
  return useEditorState((s) => s.selection);
}
