import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly recent: readonly { path: string; name: string }[];
  readonly darkMode: boolean;
  readonly minimap: boolean;
  /** Sends a command to the renderer (event 'menu.command'). */
  readonly send: (command: MenuCommand, arg?: string) => void;
  readonly quit: () => void;
  readonly openExternal: (url: string) => void;
}

/**
 * The native menus. Editing commands go to the renderer as 'menu.command' events rather than
 * Electron roles, because the canvas (not a text field) owns undo, copy and paste; the renderer
 * falls back to the text field's own behaviour when one has focus.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string, registerAccelerator = true): MenuItemConstructorOptions => ({
    label,
    ...(accelerator !== undefined ? { accelerator, registerAccelerator } : {}),
    click: () => options.send(command),
  });
  // Editing and view keys stay with the page (its keyboard handler serves both Electron and the
  // browser, and text fields keep their own copy/paste); the menu only shows them.
  const pageKey = (label: string, command: MenuCommand, accelerator: string) => item(label, command, accelerator, false);
  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : options.recent.map((file) => ({ label: file.name, toolTip: file.path, click: () => options.send('open-recent', file.path) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('New', 'new', 'CmdOrCtrl+N'),
      item('New from Template…', 'new-from-template', 'CmdOrCtrl+Shift+N'),
      { type: 'separator' },
      item('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      item('Import Keras / TF.js JSON…', 'import', 'CmdOrCtrl+I'),
      item('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      { label: 'Quit', accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q', click: () => options.quit() },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      pageKey('Undo', 'undo', 'CmdOrCtrl+Z'),
      pageKey('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      pageKey('Cut', 'cut', 'CmdOrCtrl+X'),
      pageKey('Copy', 'copy', 'CmdOrCtrl+C'),
      pageKey('Paste', 'paste', 'CmdOrCtrl+V'),
      pageKey('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
      pageKey('Delete', 'delete', 'Delete'),
      { type: 'separator' },
      pageKey('Select All', 'select-all', 'CmdOrCtrl+A'),
      pageKey('Auto Layout', 'auto-layout', 'A'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      pageKey('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      pageKey('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      pageKey('Fit', 'fit', 'F'),
      { type: 'separator' },
      { label: 'Minimap', type: 'checkbox', checked: options.minimap, click: () => options.send('toggle-minimap') },
      { label: 'Dark Mode', type: 'checkbox', checked: options.darkMode, click: () => options.send('toggle-dark-mode') },
      { type: 'separator' },
      { label: 'Toggle Full Screen', role: 'togglefullscreen' },
      { label: 'Developer Tools', role: 'toggleDevTools' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      item('Guided Lesson', 'lesson'),
      item('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
      { label: 'Keras Layers Reference', click: () => options.openExternal('https://keras.io/api/layers/') },
      { type: 'separator' },
      item('About Blockprop', 'about'),
    ],
  };
  const menus = [file, edit, view, help];
  // macOS puts the app menu first; it keeps the standard Hide/Quit items there.
  if (options.platform === 'darwin') menus.unshift({ label: 'Blockprop', role: 'appMenu' });
  return menus;
}
