import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Electron smoke test: launches the built app (dist/electron/main.cjs) where an Electron binary
 * exists; elsewhere (e.g. machines where its download is blocked) it is skipped with the reason.
 */
const root = path.resolve(__dirname, '..', '..');
const electronDist = path.join(root, 'node_modules', 'electron', 'dist');
const nodeMajor = Number(process.versions.node.split('.')[0]);

function skipReason(): string | null {
  if (!existsSync(electronDist)) return `Electron's binary is not installed (${path.relative(root, electronDist)} is missing; its download is blocked here)`;
  if (nodeMajor < 22) return `Playwright's Electron support needs Node >= 22 here (this is Node ${process.versions.node})`;
  if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) return 'the app is not built (run npm run build)';
  return null;
}

test('the desktop app opens a secure window with the typed bridge only', async () => {
  const reason = skipReason();
  if (reason !== null) console.log(`Electron smoke test skipped: ${reason}`);
  test.skip(reason !== null, reason ?? '');

  const config = mkdtempSync(path.join(os.tmpdir(), 'blockprop-electron-'));
  const app = await electron.launch({ args: [path.join(root, 'dist', 'electron', 'main.cjs')], env: { ...process.env, BLOCKPROP_CONFIG_DIR: config } });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Blockprop/);
    const surface = await window.evaluate(() => {
      const bridge: unknown = Reflect.get(globalThis, 'blockprop');
      return {
        bridge: typeof bridge === 'object' && bridge !== null ? Object.keys(bridge).sort() : [],
        require: typeof Reflect.get(globalThis, 'require'),
        process: typeof Reflect.get(globalThis, 'process'),
      };
    });
    // contextIsolation + sandbox + no nodeIntegration: the page sees the two-function bridge and no Node.
    expect(surface).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
    const call = (channel: string, payload: unknown) =>
      window.evaluate(
        async ([c, p]) => {
          const bridge: unknown = Reflect.get(globalThis, 'blockprop');
          const invoke: unknown = typeof bridge === 'object' && bridge !== null ? Reflect.get(bridge, 'invoke') : undefined;
          return typeof invoke === 'function' ? ((await Reflect.apply(invoke, bridge, [c, p])) as unknown) : null;
        },
        [channel, payload] as const,
      );
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'electron', nativeDialogs: true } });
    expect(await call('project.open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  } finally {
    await app.close();
  }
});
