import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, repoRoot, test } from './fixtures/server';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// `npm start -- --port 4781 --no-open` once lost the port number ("--port needs a number … (got --no-open)").
for (const style of ['--port N', '--port=N'] as const) {
  test(`npm start -- ${style} --no-open serves browser mode on that port`, async ({ page }) => {
    const port = await freePort();
    const portArgs = style === '--port N' ? ['--port', String(port)] : [`--port=${port}`];
    // No display: npm start falls back to browser mode, as on a server or in CI.
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', BLOCKPROP_CONFIG_DIR: path.join(repoRoot, 'test-results', `start-${port}`) };
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), ...portArgs, '--no-open'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await expect
        .poll(() => output, { timeout: 30_000, message: 'npm start printed its URL' })
        .toMatch(new RegExp(`http://127\\.0\\.0\\.1:${port}/\\?token=`));
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)?.[1] ?? '';
      await page.goto(url);
      await expect(page.getByTestId('file-title')).toBeVisible();
      expect(output).not.toContain('needs a number');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
}
