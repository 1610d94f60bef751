import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const hasElectronBinary = existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'));

describe('npm start', () => {
  it.skipIf(hasElectronBinary)(
    'without an Electron binary says why in one line and serves browser mode',
    async () => {
      const config = mkdtempSync(path.join(os.tmpdir(), 'blockprop-start-'));
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--no-open'], {
        cwd: root,
        env: { ...process.env, BLOCKPROP_CONFIG_DIR: config },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
          child.stdout.on('data', () => {
            if (/Blockprop is running at http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(out)) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        const lines = out.split('\n').filter((l) => l !== '' && !l.startsWith('Building'));
        expect(lines[0]).toMatch(/^Electron's binary is not installed here \(its download is blocked\); opening browser mode instead\.$/);
        expect(lines[1]).toMatch(/^Blockprop is running at /);
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    },
    120_000,
  );
});
