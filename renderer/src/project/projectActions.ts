import type { ResultOf } from '../../../shared/api/contract';
import { emptyGraph, type Graph } from '../../../shared/graph/types';
import { laidOut } from '../../../shared/layout';
import type { Project } from '../../../shared/project';
import { getTemplate } from '../../../shared/templates';
import { api } from '../host/api';
import { canvasControl } from '../state/canvasControl';
import { editor } from '../state/editorStore';
import { askConfirm } from '../ui/confirm';
import { showToast } from '../ui/toasts';
import { downloadProject } from './downloadProject';
import type { DroppedFile } from './fileDrop';
import { pickFile } from './filePicker';
import { buildProject, defaultSettings, readProject, type ProjectSettings } from '../state/projectFile';
import { fileTitle, isDirty, projectStore, type ProjectState } from '../state/projectStore';
import { inferGraph } from '../../../shared/inference/infer';
import { layerShapes, modelKey, trainedStore } from '../state/modelKey';

// File → Open also opens trained models (.keras, .h5, Keras / TF.js JSON) as a new, unsaved project.
const projectExtensions = ['json', 'keras', 'h5', 'hdf5'];

/** Asks before unsaved work is replaced (in the app's own dialog); true when there is none or the person agrees. */
async function confirmDiscard(): Promise<boolean> {
  if (!isDirty()) return true;
  return askConfirm({
    title: 'Discard unsaved changes?',
    message: `“${projectStore.getState().title}” has changes that are not saved. They are lost if you go on.`,
    confirmLabel: 'Discard changes',
    danger: true,
  });
}

/** Puts a graph in the editor (history forgotten) with the file state around it, and fits it in view. */
function show(graph: Graph, file: ProjectState): void {
  // Another model: the engine's trained weights are not this one's (unless the file brings its own, below).
  trainedStore.setState(() => null);
  editor.load(graph);
  projectStore.setState(() => file);
  requestAnimationFrame(() => canvasControl()?.fit());
}

/** The engine holds trained weights read from `file` for `graph` (Inspect then says "Trained weights"; a new run asks). */
function weightsLoaded(graph: Graph, file: string | undefined): void {
  if (file !== undefined)
    trainedStore.setState(() => ({
      key: modelKey(graph),
      runId: `file:${file}`,
      testAccuracy: null,
      endedAt: Date.now(),
      layers: layerShapes(graph, inferGraph(graph)),
    }));
}

/** Shows a graph as a new, unsaved project (template, import, new). */
function loadUnsaved(graph: Graph, title: string, settings: ProjectSettings = defaultSettings()): void {
  // A template or import is not yet work of the user's: only edits make it "unsaved".
  show(graph, { path: null, title, savedGraph: graph, settings, settingsDirty: false });
}

function loadSaved(graph: Graph, path: string, settings: ProjectSettings): void {
  show(graph, { path, title: fileTitle(path), savedGraph: graph, settings, settingsDirty: false });
}

export async function newModel(): Promise<void> {
  if (!(await confirmDiscard())) return;
  loadUnsaved(emptyGraph, 'Untitled');
}

export async function openTemplate(id: string): Promise<void> {
  const t = getTemplate(id);
  if (t === undefined || !(await confirmDiscard())) return;
  loadUnsaved(laidOut(t.build()), t.title);
}

export async function openProjectAt(path: string): Promise<boolean> {
  const r = await api().invoke('project.open', { path });
  // File → Open takes model files too: main says from the content that it is a model, not a project.
  if (!r.ok && r.error.code === 'not-a-project') return importModel({ path }, false);
  if (!r.ok) {
    // Broken or newer files: say why, change nothing.
    showToast(r.error.message, 'error', 9000);
    return false;
  }
  const read = readProject(r.value.project);
  loadSaved(read.graph, r.value.path, read.settings);
  weightsLoaded(read.graph, r.value.weights);
  for (const w of r.value.warnings) showToast(w, 'info', 6000);
  return true;
}

export async function openProject(): Promise<void> {
  if (!(await confirmDiscard())) return;
  const path = await pickFile({ mode: 'open', title: 'Open a Blockprop project', extensions: projectExtensions });
  if (path !== null) await openProjectAt(path);
}

export async function openRecent(path: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  await openProjectAt(path);
}

function currentProject(): Project {
  return buildProject(editor.graph(), projectStore.getState().settings);
}

/** After a save attempt: say what happened and, when it worked, mark `graph` as the saved one. */
function finishSave(r: ResultOf<'project.save'>, graph: Graph): boolean {
  if (!r.ok) {
    showToast(r.error.message, 'error');
    return false;
  }
  const path = r.value.path;
  projectStore.setState((s) => ({ ...s, path, title: fileTitle(path), savedGraph: graph, settingsDirty: false }));
  showToast(`Saved ${fileTitle(path)}`, 'success');
  return true;
}

/** Browser mode without its server: saving cannot reach the disk, so the project is downloaded instead. */
function savedByDownload(): boolean {
  if (api().status !== 'lost') return false;
  showToast(`Blockprop's server is gone: downloaded ${downloadProject()} instead. Open it in the new session.`, 'info', 9000);
  return true;
}

export async function saveProjectAs(): Promise<boolean> {
  if (savedByDownload()) return false;
  const graph = editor.graph();
  const project = currentProject();
  const suggested = `${projectStore.getState().title.replace(/[^\w.-]+/g, '_') || 'model'}.blockprop.json`;
  const path = await pickFile({ mode: 'save', title: 'Save the project as', extensions: projectExtensions, defaultName: suggested });
  if (path === null) return false;
  let r = await api().invoke('project.saveAs', { path, project, overwrite: false });
  if (!r.ok && r.error.code === 'exists') {
    if (
      !(await askConfirm({
        title: 'Replace the file?',
        message: `${path} already exists. Replacing it overwrites what it holds.`,
        confirmLabel: 'Replace',
        danger: true,
      }))
    )
      return false;
    r = await api().invoke('project.saveAs', { path, project, overwrite: true });
  }
  return finishSave(r, graph);
}

export async function saveProject(): Promise<boolean> {
  if (savedByDownload()) return false;
  const { path } = projectStore.getState();
  if (path === null) return saveProjectAs();
  const graph = editor.graph();
  const project = currentProject();
  return finishSave(await api().invoke('project.save', { path, project }), graph);
}

/** Import a model (.keras, .h5, Keras 3 / Keras 2 JSON, TF.js model.json; with its weights) from a file, or JSON from pasted text. */
export async function importModel(
  source: { path: string } | { text: string } | { files: DroppedFile[] },
  confirm = true,
  settings?: ProjectSettings,
): Promise<boolean> {
  if (confirm && !(await confirmDiscard())) return false;
  const r = await api().invoke('model.import', source);
  if (!r.ok) {
    showToast(r.error.message, 'error', 9000);
    return false;
  }
  const graph = laidOut(r.value.graph);
  loadUnsaved(graph, r.value.graph.name, settings);
  weightsLoaded(graph, r.value.weights);
  const formats = {
    keras3: 'Keras 3 JSON',
    keras2: 'Keras 2 JSON',
    tfjs: 'TensorFlow.js model.json',
    keras: 'the .keras model',
    h5: 'the .h5 model',
    project: 'the project',
  } as const;
  showToast(`Imported ${formats[r.value.format]}`, 'success');
  for (const w of r.value.warnings) showToast(w, 'info', 8000);
  return true;
}

/**
 * Files dropped onto the window open as File → Open and Import do, through the one model-file
 * reader (their bytes travel: a browser has no paths). A dropped project keeps its settings.
 */
export async function openDropped(files: readonly DroppedFile[], project: Project | null): Promise<boolean> {
  if (!(await confirmDiscard())) return false;
  return importModel({ files: [...files] }, false, project === null ? undefined : readProject(project).settings);
}

/** Crash recovery: restore the autosaved project into the editor, still marked unsaved. */
export async function restoreRecovery(): Promise<void> {
  const r = await api().invoke('recovery.restore', {});
  if (!r.ok) {
    showToast(r.error.message, 'error');
    return;
  }
  const read = readProject(r.value.project);
  const path = r.value.path;
  show(read.graph, { path, title: path === null ? read.graph.name : fileTitle(path), savedGraph: emptyGraph, settings: read.settings, settingsDirty: true });
  showToast('Restored your unsaved work', 'success');
}

export async function discardRecovery(): Promise<void> {
  await api().invoke('recovery.discard', {});
}
