import type { ActionId } from '../../../shared/actions';
import type { MenuCommand } from '../../../shared/api/contract';
import { api } from '../host/api';
import { newModel, openProject, openRecent, saveProject, saveProjectAs } from '../project/projectActions';
import { canvasControl } from '../state/canvasControl';
import { editor } from '../state/editorStore';
import { openDialog, showDockTab, toggleGroups, toggleMinimap, toggleTheme, uiStore } from '../state/uiStore';
import { copySelection, deleteSelection, duplicateSelection, layoutGraph, pasteClipboard, selectAll } from './graphActions';
import { requestLesson } from './lessonHook';
import { toggleTraining } from '../train/trainRun';

/**
 * Runs an undo or redo and, when it moved blocks (undoing an auto-layout moves them all), keeps
 * them on screen: the view used to stay where the layout had been, showing an empty canvas.
 */
function keepMovedInView(step: () => void): void {
  const before = new Map(editor.graph().nodes.map((n) => [n.id, n.position]));
  step();
  const moved = editor
    .graph()
    .nodes.filter((n) => {
      const p = before.get(n.id);
      return p === undefined || p.x !== n.position.x || p.y !== n.position.y;
    })
    .map((n) => n.id);
  if (moved.length > 0) requestAnimationFrame(() => canvasControl()?.keepInView(moved));
}

/**
 * What every action of shared/actions.ts does, keyed by its id (the type makes a missing one a
 * compile error). Keyboard shortcuts, Electron menu commands, the command palette and buttons
 * all run these through runAction.
 */
const perform: { readonly [K in ActionId]: (arg?: string) => void } = {
  new: () => void newModel(),
  'new-from-template': () => openDialog('templates'),
  open: () => void openProject(),
  'open-recent': (path) => {
    if (path !== undefined) void openRecent(path);
    else openDialog('recent');
  },
  save: () => void saveProject(),
  'save-as': () => void saveProjectAs(),
  import: () => openDialog('import'),
  export: () => openDialog('export'),
  undo: () => keepMovedInView(() => editor.undo()),
  redo: () => keepMovedInView(() => editor.redo()),
  cut: () => {
    if (copySelection()) deleteSelection();
  },
  copy: () => void copySelection(),
  paste: () => pasteClipboard(),
  duplicate: () => duplicateSelection(),
  delete: () => deleteSelection(),
  'select-all': () => selectAll(),
  'auto-layout': () => layoutGraph(),
  'zoom-in': () => canvasControl()?.zoomIn(),
  'zoom-out': () => canvasControl()?.zoomOut(),
  fit: () => canvasControl()?.fit(),
  'toggle-groups': () => toggleGroups(),
  'toggle-minimap': () => toggleMinimap(),
  'toggle-dark-mode': () => toggleTheme(),
  'focus-search': () => document.getElementById('palette-search')?.focus(),
  'command-palette': () => openDialog(uiStore.getState().dialog === 'commands' ? null : 'commands'),
  'show-summary': () => showDockTab('summary'),
  'show-problems': () => showDockTab('problems'),
  'show-train': () => showDockTab('train'),
  'show-inspect': () => showDockTab('inspect'),
  'show-runs': () => showDockTab('runs'),
  // Start a run with the Train panel's settings (it opens the Train tab), or stop the one going.
  train: () => toggleTraining(),
  lesson: () => requestLesson(),
  shortcuts: () => openDialog('shortcuts'),
  about: () => openDialog('about'),
  escape: () => {
    openDialog(null);
    editor.select({ nodes: [], edges: [] });
  },
};

/**
 * A field commits what was typed when it loses focus: let it first, so that Ctrl+S (or Train, or
 * Export, or closing the window) right after typing a value acts on that value, not the one before it.
 */
function commitFocusedField(): void {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur();
}

export function runAction(id: ActionId, arg?: string): void {
  commitFocusedField();
  perform[id](arg);
}

/** The same actions under camelCase names, for buttons (`onClick={appActions.undo}`). */
export const appActions = {
  new: () => runAction('new'),
  open: () => runAction('open'),
  save: () => runAction('save'),
  saveAs: () => runAction('save-as'),
  import: () => runAction('import'),
  export: () => runAction('export'),
  templates: () => runAction('new-from-template'),
  undo: () => runAction('undo'),
  redo: () => runAction('redo'),
  autoLayout: () => runAction('auto-layout'),
  fit: () => runAction('fit'),
  toggleTheme: () => runAction('toggle-dark-mode'),
  shortcuts: () => runAction('shortcuts'),
  commandPalette: () => runAction('command-palette'),
} as const;

function focusedTextField(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type));
}

/** Edit-menu commands act on the text being typed when a field has focus, else on the blocks. */
const textCommands: Partial<Record<MenuCommand, string>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'delete',
  'select-all': 'selectAll',
};

/** Electron's native menus arrive as 'menu.command' events and map onto the same actions. */
export function runMenuCommand(command: MenuCommand, arg?: string): void {
  const text = textCommands[command];
  if (text !== undefined && focusedTextField()) {
    // The text field's own editing (execCommand is what Electron's Edit roles do too).
    document.execCommand(text);
    return;
  }
  commitFocusedField();
  if (command === 'save-and-close') {
    void saveProject().then((saved) => {
      if (saved) void closeWindow();
    });
    return;
  }
  runAction(command, arg);
}

async function closeWindow(): Promise<void> {
  await api().invoke('window.close', {});
}
