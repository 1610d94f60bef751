import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildNodeBundle, nodeEntries } from '../../scripts/bundles.mjs';

export const root = path.resolve(__dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI bundle as `npm install` builds it (dist/cli.cjs, from scripts/bundles.mjs like
 * scripts/build.mjs), run through bin/blockprop.cjs as a user would, in a fresh folder per test
 * file. Whatever a command does, the user never sees a stack trace or an "internal error".
 */
export function cliBundle(prefix: string): { readonly dir: string; cli(...args: string[]): Run } {
  let dir = '';
  beforeAll(async () => {
    const cliEntry = nodeEntries.find((e) => e.out === 'dist/cli.cjs');
    if (!cliEntry) throw new Error('scripts/bundles.mjs lists no dist/cli.cjs entry');
    await buildNodeBundle(root, cliEntry);
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    cli(...args) {
      const r = spawnSync(process.execPath, [path.join(root, 'bin/blockprop.cjs'), ...args], { cwd: dir || root, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      expect(r.stderr).not.toMatch(/internal error/i);
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
