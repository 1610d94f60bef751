import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import type { EventName, EventOf, MenuCommand, ParsedRequestOf } from '../../shared/api/contract';
import { createDispatcher, type Dispatcher } from '../services/dispatcher';
import { createHandlers, type NativeShell } from '../services/handlers';
import { engineProvider } from '../services/wiring';
import { appVersion } from '../services/version';
import { mimeType, readStatic } from '../server/staticFiles';
import { spawnUtilityEngine } from './engineProcess';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardWrites } from './writeGrants';
import { APP_HOST, APP_SCHEME, APP_URL, ELECTRON_CSP, isTrustedUrl, lockDownContents, lockDownSession, secureWebPreferences } from './security';

export interface DesktopOptions {
  /** dist/renderer */
  readonly rendererDir: string;
  /** dist/electron/preload.cjs */
  readonly preloadPath: string;
  /** dist/worker.cjs (the engine, run in a utility process). */
  readonly workerPath?: string;
  /** assets/icons/512x512.png (Linux window icon). */
  readonly iconPath?: string;
  readonly configDir?: string;
  /** A project to open at start (command line or file association). */
  readonly openPath?: string;
}

export interface Desktop {
  readonly window: BrowserWindow;
  readonly dispatcher: Dispatcher;
}

/** Must run before app 'ready': our page's scheme behaves like https (standard, secure, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** Serves dist/renderer at app://blockprop/ with the CSP header on every response. */
export async function serveRenderer(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const found = url.host === APP_HOST ? await readStatic(rendererDir, url.pathname) : null;
  if (found === null) return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': ELECTRON_CSP } });
  return new Response(new Uint8Array(found.body), {
    status: 200,
    headers: { 'Content-Type': mimeType(found.file), 'Content-Security-Policy': ELECTRON_CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}

export function windowTitle(fileName: string | null, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${fileName ?? 'Untitled'} — Blockprop`;
}

/** What the shell tracks about the page: the title's file name and mark, the close guard, the View menu's checks. */
interface WindowState {
  fileName: string | null;
  dirty: boolean;
  allowClose: boolean;
  darkMode: boolean;
  minimap: boolean;
}

type SendCommand = (command: MenuCommand, arg?: string) => void;
type Handlers = ReturnType<typeof createHandlers>;

/** Waits for Electron, locks down the session and serves the page at app://blockprop/. */
async function serveApp(rendererDir: string): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request.url));
}

/** The one window, hidden until its first paint so it never flashes white. */
function createWindow(options: DesktopOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: windowTitle(null, false),
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f9',
    ...(options.iconPath !== undefined ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, app.isPackaged),
  });
  lockDownContents(window.webContents, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Native dialogs and window state for the handlers; `menuChanged` runs when a View check mark must change. */
function nativeShell(window: BrowserWindow, state: WindowState, menuChanged: () => void): NativeShell {
  return {
    async openDialog(request: ParsedRequestOf<'dialog.open'>) {
      const result = await dialog.showOpenDialog(window, {
        ...(request.title !== undefined ? { title: request.title } : {}),
        ...(request.filters !== undefined ? { filters: request.filters } : {}),
        ...(request.defaultPath !== undefined ? { defaultPath: request.defaultPath } : {}),
        properties: [request.directory ? 'openDirectory' : 'openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveDialog(request: ParsedRequestOf<'dialog.save'>) {
      const result = await dialog.showSaveDialog(window, {
        ...(request.title !== undefined ? { title: request.title } : {}),
        ...(request.filters !== undefined ? { filters: request.filters } : {}),
        ...(request.defaultPath !== undefined ? { defaultPath: request.defaultPath } : {}),
      });
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    setWindowState(next) {
      state.fileName = next.fileName;
      state.dirty = next.dirty;
      const checks = (next.darkMode !== undefined && next.darkMode !== state.darkMode) || (next.minimap !== undefined && next.minimap !== state.minimap);
      if (next.darkMode !== undefined) state.darkMode = next.darkMode;
      if (next.minimap !== undefined) state.minimap = next.minimap;
      if (checks) menuChanged();
      if (window.isDestroyed()) return;
      window.setTitle(windowTitle(next.fileName, next.dirty));
      if (process.platform === 'darwin') window.setDocumentEdited(next.dirty);
    },
    closeWindow() {
      state.allowClose = true;
      if (!window.isDestroyed()) window.close();
    },
  };
}

/** Rebuilds the application menu from the recent list and the View check marks. */
function menuBuilder(handlers: Handlers, state: WindowState, sendCommand: SendCommand): () => Promise<void> {
  return async () => {
    const recent = await handlers['project.recent']({});
    const template = buildMenuTemplate({
      platform: process.platform,
      recent: recent.ok ? recent.value.files.filter((f) => f.exists).slice(0, 10) : [],
      darkMode: state.darkMode,
      minimap: state.minimap,
      packaged: app.isPackaged,
      send: (command, arg) => {
        if (command === 'toggle-dark-mode') state.darkMode = !state.darkMode;
        if (command === 'toggle-minimap') state.minimap = !state.minimap;
        sendCommand(command, arg);
      },
      quit: () => app.quit(),
      openExternal: (url) => void shell.openExternal(url),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
}

/** Opening or saving changes the recent list: rebuild "Open Recent" after those calls. */
function refreshingMenuAfterFileCalls(inner: Dispatcher, refreshMenu: () => Promise<void>): Dispatcher {
  return {
    async invoke(method, payload) {
      const result = await inner.invoke(method, payload);
      if (result.ok && (method === 'project.open' || method === 'project.save' || method === 'project.saveAs')) void refreshMenu();
      return result;
    },
  };
}

/** Closing with unsaved work asks first: Save (the page saves, then calls window.close), Don't Save, Cancel. */
function confirmCloseOfUnsavedWork(window: BrowserWindow, state: WindowState, handlers: Handlers, sendCommand: SendCommand): void {
  window.on('close', (event) => {
    if (state.allowClose || !state.dirty) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Do you want to save the changes to ${state.fileName ?? 'Untitled'}?`,
      detail: "Your changes will be lost if you don't save them.",
    });
    if (choice === 0) sendCommand('save-and-close');
    else if (choice === 1) {
      state.allowClose = true;
      void handlers['recovery.discard']({}).finally(() => window.close());
    }
  });
  window.on('closed', () => void handlers.dispose());
}

/** Creates the secure window, its menus and the IPC handlers of every contract method. */
export async function startDesktop(options: DesktopOptions): Promise<Desktop> {
  await serveApp(options.rendererDir);
  const window = createWindow(options);
  const state: WindowState = { fileName: null, dirty: false, allowClose: false, darkMode: nativeTheme.shouldUseDarkColors, minimap: true };

  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  };
  const sendCommand: SendCommand = (command, arg) => emit('menu.command', arg === undefined ? { command } : { command, arg });

  const handlers = createHandlers({
    mode: 'electron',
    configDir: options.configDir ?? process.env['BLOCKPROP_CONFIG_DIR'] ?? app.getPath('userData'),
    version: appVersion(),
    versions: { node: process.versions.node, electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
    // The engine in a utility process: a native crash there never closes the window.
    engine: engineProvider({ spawn: spawnUtilityEngine, ...(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}) }),
    emit,
    // The View check marks live in the menu, which is built from the handlers' recent list.
    native: nativeShell(window, state, () => void refreshMenu()),
  });
  const refreshMenu = menuBuilder(handlers, state, sendCommand);
  const inner = createDispatcher(guardWrites(handlers), (method, error) => console.error(`internal error in ${method}:`, error));
  const dispatcher = refreshingMenuAfterFileCalls(inner, refreshMenu);
  const isTrustedSender = (event: IpcMainInvokeEvent) => event.sender === window.webContents && isTrustedUrl(event.senderFrame?.url);
  registerIpcHandlers(ipcMain, dispatcher, isTrustedSender);
  await refreshMenu();
  confirmCloseOfUnsavedWork(window, state, handlers, sendCommand);

  if (options.openPath !== undefined) {
    const file = path.resolve(options.openPath);
    window.webContents.once('did-finish-load', () => sendCommand('open-recent', file));
  }
  await window.loadURL(APP_URL);
  return { window, dispatcher };
}
