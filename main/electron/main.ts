/**
 * Electron entry (bundled to dist/electron/main.cjs). Everything testable lives in desktop.ts;
 * this file only finds the built files and starts it.
 */
import path from 'node:path';
import { app } from 'electron';
import { registerAppScheme, startDesktop } from './desktop';

const distDir = path.dirname(__dirname); // dist/electron -> dist
const rootDir = path.dirname(distDir);

/** A project passed on the command line or by the file association (*.blockprop.json). */
function projectArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.json'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('window-all-closed', () => app.quit());
  const openPath = projectArgument(process.argv);
  startDesktop({
    rendererDir: path.join(distDir, 'renderer'),
    preloadPath: path.join(distDir, 'electron', 'preload.cjs'),
    iconPath: path.join(rootDir, 'assets', 'icons', '512x512.png'),
    ...(openPath !== undefined ? { openPath } : {}),
  }).then(
    (desktop) => {
      app.on('second-instance', (_event, argv) => {
        if (desktop.window.isMinimized()) desktop.window.restore();
        desktop.window.focus();
        const file = projectArgument(argv);
        if (file !== undefined) desktop.window.webContents.send('menu.command', { command: 'open-recent', arg: path.resolve(file) });
      });
    },
    (error: unknown) => {
      console.error('Blockprop could not start:', error);
      app.exit(1);
    },
  );
}
