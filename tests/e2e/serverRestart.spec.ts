import { readFileSync } from 'node:fs';
import { expect, startBlockpropWeb, test } from './fixtures/server';
import { block, setParam } from './support/editorPage';
import { openTemplate } from './support/person';

// After the server restarts (new token), an open tab said "reconnecting…" for ever, and a
// Save spun without an error. Now it says what happened and how to go on, and keeps the work.
test('the server restarts under an open tab: the page says so, keeps the graph and offers it as a download', async ({ page }) => {
  const first = await startBlockpropWeb();
  let second: Awaited<ReturnType<typeof startBlockpropWeb>> | null = null;
  try {
    await page.goto(first.url);
    await openTemplate(page, 'keras_cnn');
    await block(page, 'dense').click();
    await setParam(page, 'units', '100');
    await expect(block(page, 'dense').getByTestId('block-params')).toHaveText('921,700');

    await first.stop();
    second = await startBlockpropWeb({ port: first.port, dir: first.dir });
    expect(second.token).not.toBe(first.token);

    const banner = page.getByTestId('connection-lost');
    await expect(banner).toContainText('restarted', { timeout: 20_000 });
    await expect(banner).toContainText('new address');
    await page.screenshot({ path: '/tmp/shots/e2e-server-restarted.png' });
    // The graph is still on the page, edits included.
    await expect(block(page, 'dense').getByTestId('block-params')).toHaveText('921,700');

    const download = page.waitForEvent('download');
    await page.getByTestId('download-project').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.blockprop\.json$/);
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(JSON.stringify(saved.graph)).toContain('"units":100');

    // Ctrl+S neither spins nor fails silently: it downloads and says why.
    const again = page.waitForEvent('download');
    await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
    await page.keyboard.press('Control+s');
    await again;
    await expect(page.getByTestId('toast').last()).toContainText('server is gone');
    await expect(page.getByTestId('file-dialog')).toHaveCount(0);
  } finally {
    await second?.stop();
    await first.stop();
  }
});
