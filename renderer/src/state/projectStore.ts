import { emptyGraph, type Graph } from '../../../shared/graph/types';
import { createStore, useStore } from './createStore';
import { editor } from './editorStore';
import { useGraph } from './useEditor';
import { defaultSettings, type ProjectSettings } from './projectFile';

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
  /** Training settings and dataset, as last opened/saved or edited in the Train panel. */
  readonly settings: ProjectSettings;
  readonly settingsDirty: boolean;
}

export const projectStore = createStore<ProjectState>({
  path: null,
  title: 'Untitled',
  savedGraph: emptyGraph,
  settings: defaultSettings(),
  settingsDirty: false,
});

export function isDirty(p: ProjectState = projectStore.getState(), graph: Graph = editor.graph()): boolean {
  return p.settingsDirty || graph !== p.savedGraph;
}

export function useProject<T>(selector: (s: ProjectState) => T): T {
  return useStore(projectStore, selector);
}

export function useDirty(): boolean {
  const graph = useGraph();
  const p = useProject((s) => s);
  return isDirty(p, graph);
}

/** The Train panel records its settings here: `updateSettings((s) => ({ ...s, training }))`. Marks the file unsaved. */
export function updateSettings(update: (settings: ProjectSettings) => ProjectSettings): void {
  projectStore.setState((s) => ({ ...s, settings: update(s.settings), settingsDirty: true }));
}

export function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.blockprop\.json$/, '').replace(/\.json$/, '');
}
