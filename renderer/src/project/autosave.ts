import { api } from '../host/api';
import { editor } from '../state/editorStore';
import { buildProject } from '../state/projectFile';
import { isDirty, projectStore } from '../state/projectStore';

/** How long after the last edit the recovery file is written. */
export const autosaveDelayMs = 2000;

/**
 * Writes the unsaved project to main's recovery file a couple of seconds after edits stop, and
 * keeps the window title (and Electron's close confirmation) in step with the unsaved mark.
 * Returns a function that stops both.
 */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastGraph = editor.graph();
  let lastSettings = projectStore.getState().settings;
  let lastTitle = '';

  const save = () => {
    timer = null;
    if (!isDirty()) return;
    const project = buildProject(editor.graph(), projectStore.getState().settings);
    void api().invoke('project.autosave', { project, path: projectStore.getState().path });
  };

  const onChange = () => {
    const graph = editor.graph();
    const { settings, title } = projectStore.getState();
    const dirty = isDirty();
    const shown = `${dirty ? '● ' : ''}${title}`;
    if (shown !== lastTitle) {
      lastTitle = shown;
      document.title = `${shown} — Blockprop`;
      void api().invoke('window.state', { fileName: title, dirty });
    }
    if (graph === lastGraph && settings === lastSettings) return;
    lastGraph = graph;
    lastSettings = settings;
    if (timer !== null) clearTimeout(timer);
    if (dirty) timer = setTimeout(save, autosaveDelayMs);
  };

  const offEditor = editor.store.subscribe(onChange);
  const offProject = projectStore.subscribe(onChange);
  onChange();
  return () => {
    offEditor();
    offProject();
    if (timer !== null) clearTimeout(timer);
  };
}
