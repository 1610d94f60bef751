import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/api/channels';
import { tempDir } from '../services/testSupport';

/**
 * A stand-in for the `electron` module (its binary cannot run here): records what the shell
 * asks of Electron so the tests can check the window's security, the IPC handlers and the menus.
 */
type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const on = (store: Map<string, Listener[]>) => (name: string, listener: Listener) => {
    store.set(name, [...(store.get(name) ?? []), listener]);
  };
  class FakeContents {
    listeners = new Map<string, Listener[]>();
    sent: [string, unknown][] = [];
    windowOpenHandler: Listener | null = null;
    on = on(this.listeners);
    once = on(this.listeners);
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    listeners = new Map<string, Listener[]>();
    on = on(this.listeners);
    once = on(this.listeners);
    title = '';
    closed = false;
    constructor(public options: unknown) {
      state.windows.push(this);
    }
    isDestroyed() {
      return false;
    }
    setTitle(title: string) {
      this.title = title;
    }
    setDocumentEdited() {}
    show() {}
    close() {
      this.closed = true;
    }
    async loadURL() {}
  }
  const state: {
    windows: BrowserWindow[];
    handlers: Map<string, Listener[]>;
    menuTemplate: unknown;
    permissionRequest: Listener | null;
    permissionCheck: Listener | null;
    headersReceived: Listener | null;
    protocolHandler: Listener | null;
    externalUrls: string[];
    messageBoxChoice: number;
  } = {
    windows: [],
    handlers: new Map(),
    menuTemplate: null,
    permissionRequest: null,
    permissionCheck: null,
    headersReceived: null,
    protocolHandler: null,
    externalUrls: [],
    messageBoxChoice: 2,
  };
  const electron = {
    app: { whenReady: async () => undefined, getPath: () => '/tmp/blockprop-userdata', quit: () => undefined, on: () => undefined },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => on(state.handlers)(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => ((state.menuTemplate = template), template), setApplicationMenu: () => undefined },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBoxSync: () => state.messageBoxChoice,
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (_scheme: string, handler: Listener) => (state.protocolHandler = handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Listener) => (state.headersReceived = h) },
      },
    },
    shell: { openExternal: async (url: string) => void state.externalUrls.push(url) },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

const { startDesktop, serveRenderer } = await import('./desktop');
const { ELECTRON_CSP, APP_URL } = await import('./security');

interface MenuItem {
  label?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

async function launch() {
  fake.state.windows.length = 0;
  fake.state.handlers.clear();
  const dir = await tempDir();
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const desktop = await startDesktop({ rendererDir, preloadPath: '/app/dist/electron/preload.cjs', configDir: path.join(dir, 'config') });
  const window = fake.state.windows[0];
  if (window === undefined) throw new Error('no window created');
  return { desktop, window, rendererDir };
}

function trustedEvent(window: { webContents: unknown }) {
  return { sender: window.webContents, senderFrame: { url: APP_URL } };
}

async function invoke(window: { webContents: unknown }, channel: string, payload: unknown, event: unknown = trustedEvent(window)) {
  const handler = fake.state.handlers.get(channel)?.[0];
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(event, payload);
}

function fire(listeners: Map<string, Listener[]>, name: string, ...args: unknown[]) {
  for (const l of listeners.get(name) ?? []) l(...args);
}

describe('Electron shell (against a stand-in electron module)', () => {
  beforeEach(() => {
    fake.state.messageBoxChoice = 2;
    fake.state.externalUrls.length = 0;
  });

  it('creates a window with secure webPreferences', async () => {
    const { window } = await launch();
    expect(window.options).toMatchObject({
      webPreferences: {
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    });
  });

  it('sends a strict CSP with the page and on every session response', async () => {
    const { rendererDir } = await launch();
    expect(ELECTRON_CSP).toContain("default-src 'self'");
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).not.toMatch(/script-src[^;]*unsafe/);
    const response = await serveRenderer(rendererDir, APP_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await serveRenderer(rendererDir, 'app://blockprop/../../etc/passwd')).status).toBe(404);
    expect((await serveRenderer(rendererDir, 'app://elsewhere/index.html')).status).toBe(404);
    let headers: unknown = null;
    fake.state.headersReceived?.({ responseHeaders: { 'X-A': ['1'] } }, (r: unknown) => (headers = r));
    expect(headers).toEqual({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [ELECTRON_CSP] } });
  });

  it('registers exactly one handler per contract channel, and nothing else', async () => {
    await launch();
    expect([...fake.state.handlers.keys()].sort()).toEqual([...methodNames].sort());
    for (const [channel, list] of fake.state.handlers) expect(list.length, channel).toBe(1);
  });

  it.each(methodNames.map((m) => [m]))('handler %s rejects an invalid payload with an error value', async (channel) => {
    const { window } = await launch();
    const result = await invoke(window, channel, 'not an object');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses calls from any other frame', async () => {
    const { window } = await launch();
    expect(await invoke(window, 'fs.home', {}, { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke(window, 'fs.home', {}, { sender: {}, senderFrame: { url: APP_URL } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(window, 'fs.home', {})).toMatchObject({ ok: true });
  });

  it('blocks navigation and new windows; http(s) links go to the system browser', async () => {
    const { window } = await launch();
    const contents = window.webContents;
    const navigate = { preventDefault: vi.fn() };
    fire(contents.listeners, 'will-navigate', navigate, 'https://keras.io/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    const local = { preventDefault: vi.fn() };
    fire(contents.listeners, 'will-navigate', local, 'file:///etc/passwd');
    expect(local.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    fire(contents.listeners, 'will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.state.externalUrls).toEqual(['https://keras.io/', 'https://example.com/']);
  });

  it('denies every permission request and check', async () => {
    await launch();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      fake.state.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.state.permissionCheck?.({}, permission)).toBe(false);
    }
  });

  it('has the File, Edit, View and Help menus with every item', async () => {
    await launch();
    const template = fake.state.menuTemplate;
    if (!Array.isArray(template)) throw new Error('no menu');
    const menus: MenuItem[] = template;
    const labels = (menu: string) => (menus.find((m) => m.label?.replace('&', '') === menu)?.submenu ?? []).map((i) => i.label).filter((l) => l !== undefined);
    expect(labels('File')).toEqual(['New', 'New from Template…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import Keras / TF.js JSON…', 'Export…', 'Quit']);
    expect(labels('Edit')).toEqual(expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Duplicate', 'Delete', 'Select All']));
    expect(labels('View')).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Fit', 'Minimap', 'Dark Mode']));
    expect(labels('Help').length).toBeGreaterThan(0);
  });

  it('menu items send commands to the page', async () => {
    const { window } = await launch();
    const template = fake.state.menuTemplate;
    if (!Array.isArray(template)) throw new Error('no menu');
    const menus: MenuItem[] = template;
    menus
      .find((m) => m.label === '&Edit')
      ?.submenu?.find((i) => i.label === 'Undo')
      ?.click?.();
    expect(window.webContents.sent).toContainEqual(['menu.command', { command: 'undo' }]);
  });

  it('shows the file name and unsaved mark in the title, and asks before closing unsaved work', async () => {
    const { window } = await launch();
    expect(await invoke(window, 'window.state', { fileName: 'net.blockprop.json', dirty: true })).toEqual({ ok: true, value: {} });
    expect(window.title).toBe('• net.blockprop.json — Blockprop');
    const cancel = { preventDefault: vi.fn() };
    fire(window.listeners, 'close', cancel);
    expect(cancel.preventDefault).toHaveBeenCalled();
    fake.state.messageBoxChoice = 0; // Save
    const save = { preventDefault: vi.fn() };
    fire(window.listeners, 'close', save);
    expect(save.preventDefault).toHaveBeenCalled();
    expect(window.webContents.sent).toContainEqual(['menu.command', { command: 'save-and-close' }]);
    await invoke(window, 'window.state', { fileName: 'net.blockprop.json', dirty: false });
    expect(window.title).toBe('net.blockprop.json — Blockprop');
    const clean = { preventDefault: vi.fn() };
    fire(window.listeners, 'close', clean);
    expect(clean.preventDefault).not.toHaveBeenCalled();
  });

  it("keeps the View menu's check marks in step with the page", async () => {
    const { window } = await launch();
    await invoke(window, 'window.state', { fileName: null, dirty: false, darkMode: true, minimap: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const template = fake.state.menuTemplate;
    if (!Array.isArray(template)) throw new Error('no menu');
    const view: { label?: string; checked?: boolean }[] = template.find((m: MenuItem) => m.label === '&View')?.submenu ?? [];
    expect(view.find((i) => i.label === 'Dark Mode')?.checked).toBe(true);
    expect(view.find((i) => i.label === 'Minimap')?.checked).toBe(false);
  });

  it('app.info says electron with native dialogs', async () => {
    const { window } = await launch();
    expect(await invoke(window, 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'electron', nativeDialogs: true } });
    expect(await invoke(window, 'dialog.open', {})).toEqual({ ok: true, value: { path: null } });
  });
});
