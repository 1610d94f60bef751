import type { MenuCommand } from '../../../shared/api/contract';
import { canvasControl } from '../canvas/canvasControl';
import { api } from '../host/api';
import { newModel, openProject, openRecent, saveProject, saveProjectAs } from '../project/projectActions';
import { editor } from '../state/editorStore';
import { openDialog, toggleMinimap, toggleTheme } from '../state/uiStore';
import type { ShortcutAction } from '../keyboard/shortcuts';
import { copySelection, deleteSelection, duplicateSelection, layoutGraph, pasteClipboard, selectAll } from './graphActions';
import { requestTrain } from './trainHook';

/**
 * Every named user action, one place: keyboard shortcuts, Electron menu commands and buttons
 * all call these, so a command behaves the same from wherever it comes.
 */
export const appActions = {
  new: () => void newModel(),
  open: () => void openProject(),
  save: () => void saveProject(),
  saveAs: () => void saveProjectAs(),
  import: () => openDialog('import'),
  export: () => openDialog('export'),
  templates: () => openDialog('templates'),
  undo: () => keepMovedInView(() => editor.undo()),
  redo: () => keepMovedInView(() => editor.redo()),
  cut: () => { if (copySelection()) deleteSelection(); },
  copy: () => void copySelection(),
  paste: () => pasteClipboard(),
  duplicate: () => duplicateSelection(),
  delete: () => deleteSelection(),
  selectAll: () => selectAll(),
  autoLayout: () => layoutGraph(),
  fit: () => canvasControl()?.fit(),
  zoomIn: () => canvasControl()?.zoomIn(),
  zoomOut: () => canvasControl()?.zoomOut(),
  toggleMinimap: () => toggleMinimap(),
  toggleTheme: () => toggleTheme(),
  train: () => requestTrain(),
  focusSearch: () => document.getElementById('palette-search')?.focus(),
  shortcuts: () => openDialog('shortcuts'),
  escape: () => { openDialog(null); editor.select({ nodes: [], edges: [] }); },
} as const;

/**
 * Runs an undo or redo and, when it moved blocks (undoing an auto-layout moves them all), keeps
 * them on screen: the view used to stay where the layout had been, showing an empty canvas.
 */
function keepMovedInView(step: () => void): void {
  const before = new Map(editor.graph().nodes.map((n) => [n.id, n.position]));
  step();
  const moved = editor.graph().nodes.filter((n) => {
    const p = before.get(n.id);
    return p === undefined || p.x !== n.position.x || p.y !== n.position.y;
  }).map((n) => n.id);
  if (moved.length > 0) requestAnimationFrame(() => canvasControl()?.keepInView(moved));
}

export function runShortcut(action: ShortcutAction): void {
  const map: Record<ShortcutAction, () => void> = {
    undo: appActions.undo, redo: appActions.redo, delete: appActions.delete, copy: appActions.copy,
    paste: appActions.paste, duplicate: appActions.duplicate, 'select-all': appActions.selectAll,
    'auto-layout': appActions.autoLayout, fit: appActions.fit, 'focus-search': appActions.focusSearch,
    train: appActions.train, save: appActions.save, 'save-as': appActions.saveAs, open: appActions.open,
    new: appActions.new, export: appActions.export, escape: appActions.escape,
  };
  map[action]();
}

function focusedTextField(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLTextAreaElement
    || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type));
}

/** Edit-menu commands act on the text being typed when a field has focus, else on the blocks. */
const textCommands: Partial<Record<MenuCommand, string>> = {
  undo: 'undo', redo: 'redo', cut: 'cut', copy: 'copy', paste: 'paste', delete: 'delete', 'select-all': 'selectAll',
};

/** Electron's native menus arrive as 'menu.command' events and map onto the same actions. */
export function runMenuCommand(command: MenuCommand, arg?: string): void {
  const text = textCommands[command];
  if (text !== undefined && focusedTextField()) {
    // The text field's own editing (execCommand is what Electron's Edit roles do too).
    document.execCommand(text);
    return;
  }
  switch (command) {
    case 'new': return appActions.new();
    case 'new-from-template': return appActions.templates();
    case 'open': return appActions.open();
    case 'open-recent': if (arg !== undefined) void openRecent(arg); else openDialog('recent'); return;
    case 'save': return appActions.save();
    case 'save-as': return appActions.saveAs();
    case 'save-and-close': void saveProject().then((saved) => { if (saved) void closeWindow(); }); return;
    case 'import': return appActions.import();
    case 'export': return appActions.export();
    case 'undo': return appActions.undo();
    case 'redo': return appActions.redo();
    case 'cut': return appActions.cut();
    case 'copy': return appActions.copy();
    case 'paste': return appActions.paste();
    case 'duplicate': return appActions.duplicate();
    case 'delete': return appActions.delete();
    case 'select-all': return appActions.selectAll();
    case 'zoom-in': return appActions.zoomIn();
    case 'zoom-out': return appActions.zoomOut();
    case 'fit': return appActions.fit();
    case 'toggle-minimap': return appActions.toggleMinimap();
    case 'toggle-dark-mode': return appActions.toggleTheme();
    case 'auto-layout': return appActions.autoLayout();
    case 'lesson': return appActions.templates();
    case 'shortcuts': return appActions.shortcuts();
    case 'about': return appActions.shortcuts();
  }
}

async function closeWindow(): Promise<void> {
  await api().invoke('window.close', {});
}
