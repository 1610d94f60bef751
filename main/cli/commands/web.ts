import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { startBrowserMode } from '../../server/browserMode';
import { installProcessGuard } from '../../server/processGuard';
import { findStaticDir } from '../../server/webServer';

export const webUsage = 'blockprop web [--port N] [--no-open]   serve the app to your browser on 127.0.0.1';

interface WebArgs {
  readonly port: number;
  readonly open: boolean;
}

export function parseWebArgs(args: readonly string[]): Outcome<WebArgs> {
  let port = 0;
  let open = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--no-open') open = false;
    else if (arg === '--open') open = true;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535)
        return failure(`--port needs a number from 0 to 65535 (got ${value ?? 'nothing'}).`);
      port = n;
    } else return failure(`Unknown option ${arg ?? ''}. Usage: ${webUsage}`);
  }
  return success({ port, open });
}

/** The repository / install root: the folder of package.json above the running bundle. */
function appRoot(): string {
  const start = typeof __dirname === 'string' ? __dirname : process.cwd();
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Opens the URL in the system browser; failure only prints a hint (the URL is printed anyway). */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`Could not open a browser (${command}); open the URL above yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write('Could not open a browser; open the URL above yourself.\n');
  }
}

/** `blockprop web`: runs until Ctrl+C. Returns the exit code (2 for usage errors). */
export async function runWeb(args: readonly string[]): Promise<number> {
  const parsed = parseWebArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`blockprop web: ${parsed.error.message}\n`);
    return 2;
  }
  const root = appRoot();
  const staticDir = findStaticDir([path.join(root, 'dist', 'renderer')]);
  if (!existsSync(path.join(staticDir, 'index.html'))) process.stderr.write(`The renderer is not built (${staticDir}); run \`npm run build\`.\n`);
  let server;
  try {
    server = await startBrowserMode({
      port: parsed.value.port,
      staticDir,
      onInternalError: (method, error) =>
        process.stderr.write(`internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    process.stderr.write(
      `blockprop web: cannot listen on 127.0.0.1:${parsed.value.port}${code === 'EADDRINUSE' ? ' (the port is in use; pick another with --port or use --port 0)' : ''}.\n`,
    );
    return 2;
  }
  const removeGuard = installProcessGuard((line) => process.stderr.write(line + '\n'));
  process.stdout.write(`Blockprop is running at ${server.url}\n`);
  process.stdout.write('Press Ctrl+C to stop.\n');
  if (parsed.value.open) openInBrowser(server.url);
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.shutdown().then(() => {
        removeGuard();
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
