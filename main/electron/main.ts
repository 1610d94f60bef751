/**
 * Electron entry (bundled to dist/electron/main.cjs). Everything testable lives in desktop.ts;
 * this file only finds the built files, handles files handed over by the OS, and starts it.
 */
import path from 'node:path';
import { app } from 'electron';
import { installProcessGuard } from '../server/processGuard';
import { registerAppScheme, startDesktop, type Desktop } from './desktop';

const distDir = path.dirname(__dirname); // dist/electron -> dist
const rootDir = path.dirname(distDir);

/** A project passed on the command line or by the file association (*.blockprop.json). */
function projectArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.json'));
}

function openIn(desktop: Desktop, file: string): void {
  desktop.window.webContents.send('menu.command', { command: 'open-recent', arg: path.resolve(file) });
}

async function run(): Promise<void> {
  registerAppScheme();
  // One unforeseen failure in a handler must not close the user's window with unsaved work.
  installProcessGuard((line) => console.error(line));
  app.on('window-all-closed', () => app.quit());
  let openPath = projectArgument(process.argv);
  let desktop: Desktop | null = null;
  // macOS hands files over with 'open-file', possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (desktop !== null) openIn(desktop, file);
    else openPath = file;
  });
  await app.whenReady();
  const started = await startDesktop({
    rendererDir: path.join(distDir, 'renderer'),
    preloadPath: path.join(distDir, 'electron', 'preload.cjs'),
    // Worker threads cannot start from inside the asar archive; electron-builder unpacks it.
    workerPath: path.join(distDir, 'worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    iconPath: path.join(rootDir, 'assets', 'icons', '512x512.png'),
    ...(openPath !== undefined ? { openPath } : {}),
  });
  desktop = started;
  app.on('second-instance', (_event, argv) => {
    if (started.window.isMinimized()) started.window.restore();
    started.window.focus();
    const file = projectArgument(argv);
    if (file !== undefined) openIn(started, file);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run().catch((error: unknown) => {
    console.error('Blockprop could not start:', error);
    app.exit(1);
  });
}
