// `npm start`: the desktop app where Electron can run, browser mode (`blockprop web`) elsewhere.
// Builds first when dist/ is missing. Never downloads anything: where Electron's binary is absent
// (its download is blocked on some machines) it says so in one line and opens browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const args = process.argv.slice(2);

const needed = ['dist/cli.cjs', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
if (needed.some((file) => !existsSync(file))) {
  console.log('Building Blockprop first (dist/ is missing)…');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Why Electron cannot run here, or null when it can. */
function electronUnavailable() {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return 'Electron is not installed here (no node_modules/electron)';
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return "Electron's binary is not installed here (its download is blocked)";
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return "Electron's binary is not installed here (its download is blocked)";
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no graphical display here (DISPLAY is not set)';
  return null;
}

function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  return path.join(pkg, 'dist', readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim());
}

function browserMode() {
  // Every argument goes to `blockprop web`, values included (`--port 4781`, `--port=4781`); it
  // answers unknown ones with its usage. Filtering to `--…` dropped the port number.
  const child = spawn(process.execPath, [path.join(root, 'bin', 'blockprop.cjs'), 'web', ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const reason = electronUnavailable();
if (reason !== null) {
  console.log(`${reason}; opening browser mode instead.`);
  browserMode();
} else {
  const started = Date.now();
  const child = spawn(electronBinary(), [path.join(root, 'dist', 'electron', 'main.cjs'), ...args], { stdio: 'inherit' });
  child.on('error', (error) => {
    console.log(`Electron could not start (${error.message}); opening browser mode instead.`);
    browserMode();
  });
  child.on('exit', (code, signal) => {
    // A binary that dies at once (missing system libraries, no GPU/display access) falls back too.
    if (code !== 0 && signal === null && Date.now() - started < 5000) {
      console.log(`Electron exited at start-up (code ${code}); opening browser mode instead.`);
      browserMode();
      return;
    }
    process.exit(code ?? 0);
  });
}
