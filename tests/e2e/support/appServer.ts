import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

const root = path.resolve(__dirname, '..', '..', '..');

export interface AppServer {
  /** The full URL `blockprop web` printed, token included. */
  readonly url: string;
  /** A scratch folder for files the test saves, and the server's config dir (recovery, recent). */
  readonly dir: string;
}

async function startServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'blockprop.cjs'), 'web', '--port', '0', '--no-open'], {
    cwd: root,
    env: { ...process.env, BLOCKPROP_CONFIG_DIR: path.join(dir, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`blockprop web printed no URL: ${out}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m?.[1] !== undefined) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`blockprop web exited (${String(code)}): ${out}`)); });
  });
  return { url, child };
}

/** One browser-mode server per test, with its own config dir so recovery files never leak between tests. */
export const test = base.extend<{ app: AppServer }>({
  app: async ({ page: _page }, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'blockprop-e2e-'));
    const { url, child } = await startServer(dir);
    await use({ url, dir });
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
export const repoRoot = root;
