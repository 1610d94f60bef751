import { emptyGraph, type Graph } from '../../../shared/graph/types';
import type { JsonObject } from '../../../shared/json';
import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';
import { useGraph } from '../state/useEditor';

/**
 * The file around the graph: where it lives, what was last saved, and the project's other
 * parts (training settings, dataset) that the Train panel edits. The graph itself lives in the
 * editor store; "unsaved" means the editor's graph is not the one last saved (undoing back to
 * it makes the file clean again) or the other parts changed.
 */
export interface ProjectState {
  readonly path: string | null;
  /** Shown in the top bar: the file name, or the model/template name for a new project. */
  readonly title: string;
  readonly savedGraph: Graph;
  /** The project file's other sections as last opened/saved or edited (training, dataset, …). */
  readonly extras: JsonObject;
  readonly extrasDirty: boolean;
}

export const projectStore = createStore<ProjectState>({
  path: null,
  title: 'Untitled',
  savedGraph: emptyGraph,
  extras: {},
  extrasDirty: false,
});

export function isDirty(p: ProjectState = projectStore.getState(), graph: Graph = editor.graph()): boolean {
  return p.extrasDirty || graph !== p.savedGraph;
}

export function useProject<T>(selector: (s: ProjectState) => T): T {
  return useStore(projectStore, selector);
}

export function useDirty(): boolean {
  const graph = useGraph();
  const p = useProject((s) => s);
  return isDirty(p, graph);
}

/** The Train panel (issue 5) records settings here: `updateExtras((x) => ({...x, training}))`. */
export function updateExtras(update: (extras: JsonObject) => JsonObject): void {
  projectStore.setState((s) => ({ ...s, extras: update(s.extras), extrasDirty: true }));
}

export function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.blockprop\.json$/, '').replace(/\.json$/, '');
}
