import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../server/csp';

/** The renderer is served from this privileged scheme (not file://), so headers such as the CSP apply. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'blockprop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The desktop window's CSP: the app's, with no network beyond the page's own origin (IPC needs none). */
export const ELECTRON_CSP = contentSecurityPolicy();

/** Electron's security checklist, as webPreferences. */
export function secureWebPreferences(preload: string, packaged = false): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    // The installed app has no Developer Tools at all (no menu item, no shortcut, no API).
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Only our own page may call the API. */
export function isTrustedUrl(url: string | undefined): boolean {
  return url !== undefined && (url === APP_ORIGIN || url.startsWith(APP_ORIGIN + '/'));
}

export function isExternalLink(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Navigation and new windows are blocked; http(s) links open in the system browser instead;
 * <webview> is refused.
 */
export function lockDownContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isExternalLink(url)) openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation, …) is denied; the CSP header is added to every response. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}
