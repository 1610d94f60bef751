import type { MenuItemConstructorOptions } from 'electron';
import { actionSpec, electronAccelerator, menuBar, type ActionId, type MenuEntry } from '../../shared/actions';
import type { MenuCommand } from '../../shared/api/contract';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly recent: readonly { path: string; name: string }[];
  readonly darkMode: boolean;
  readonly minimap: boolean;
  /** The installed app: no Developer Tools item (a debugger attached to the page is a way in). */
  readonly packaged?: boolean;
  /** Sends a command to the renderer (event 'menu.command'). */
  readonly send: (command: MenuCommand, arg?: string) => void;
  readonly quit: () => void;
  readonly openExternal: (url: string) => void;
}

/**
 * The native menus, built from the one action list (shared/actions.ts): labels and keys are the
 * ones the page's keyboard handler, the shortcuts dialog and the command palette use. Commands go
 * to the renderer as 'menu.command' events rather than Electron roles, because the canvas (not a
 * text field) owns undo, copy and paste; the renderer falls back to the text field's own
 * behaviour when one has focus. Only file commands register their keys here; editing and view
 * keys stay with the page (its handler serves Electron and the browser alike), the menu shows them.
 */
/** Drops separators left doubled, leading or trailing once an item is removed. */
function withoutDoubleSeparators(entries: readonly MenuEntry[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const e of entries) if (!(e === '-' && (out.length === 0 || out[out.length - 1] === '-'))) out.push(e);
  if (out[out.length - 1] === '-') out.pop();
  return out;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const action = (id: ActionId): MenuItemConstructorOptions => {
    const spec = actionSpec(id);
    const chord = spec.keys?.[0];
    if (id === 'toggle-minimap' || id === 'toggle-dark-mode') {
      return { label: spec.label, type: 'checkbox', checked: id === 'toggle-minimap' ? options.minimap : options.darkMode, click: () => options.send(id) };
    }
    return {
      label: spec.label,
      ...(chord === undefined ? {} : { accelerator: electronAccelerator(chord), registerAccelerator: spec.nativeKey === true }),
      click: () => options.send(id),
    };
  };
  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : options.recent.map((file) => ({ label: file.name, toolTip: file.path, click: () => options.send('open-recent', file.path) }));
  const entry = (e: MenuEntry): MenuItemConstructorOptions => {
    switch (e) {
      case '-':
        return { type: 'separator' };
      case 'recent-files':
        return { label: 'Open Recent', submenu: recent };
      case 'quit':
        return { label: 'Quit', accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q', click: () => options.quit() };
      case 'fullscreen':
        return { label: 'Toggle Full Screen', role: 'togglefullscreen' };
      case 'devtools':
        return { label: 'Developer Tools', role: 'toggleDevTools' };
      case 'layers-reference':
        return { label: 'Keras Layers Reference', click: () => options.openExternal('https://keras.io/api/layers/') };
      default:
        return action(e);
    }
  };
  const menus: MenuItemConstructorOptions[] = menuBar.map((m) => ({
    label: `&${m.label}`,
    ...(m.label === 'Help' ? { role: 'help' as const } : {}),
    submenu: withoutDoubleSeparators(m.entries.filter((e) => !(e === 'devtools' && options.packaged === true))).map(entry),
  }));
  // macOS puts the app menu first; it keeps the standard Hide/Quit items there.
  if (options.platform === 'darwin') menus.unshift({ label: 'Blockprop', role: 'appMenu' });
  return menus;
}
