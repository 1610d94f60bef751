import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startBlockpropWeb, test } from './fixtures/server';
import { fileMenu, openTemplate, typeInto } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

test('the file dialog starts at home, then in the last folder used; shows sizes and dates; a double-click opens', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'blockprop-files-'));
  const home = path.join(dir, 'home');
  const work = path.join(home, 'work');
  mkdirSync(work, { recursive: true });
  const server = await startBlockpropWeb({ dir, env: { HOME: home } });
  try {
    await page.goto(server.url);
    await openTemplate(page, 'keras_cnn');
    await fileMenu(page, 'save-as');
    await expect(page.getByTestId('file-dir-path')).toHaveText(home);
    await page.getByTestId('file-entry').filter({ hasText: 'work' }).click();
    await expect(page.getByTestId('file-dir-path')).toHaveText(work);
    await typeInto(page, 'file-name', 'cnn.blockprop.json');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('file-title')).toHaveText('cnn');

    // The next dialog opens where the last one ended, with the file's size and date.
    await openTemplate(page, 'fc_tf_mnist');
    await fileMenu(page, 'open');
    await expect(page.getByTestId('file-dir-path')).toHaveText(work);
    const entry = page.getByTestId('file-entry').filter({ hasText: 'cnn.blockprop.json' });
    await expect(entry).toContainText(/\d+(\.\d+)? KB/);
    await expect(entry.locator('.file-date')).not.toHaveText('');
    await page.screenshot({ path: '/tmp/shots/e2e-file-dialog.png' });
    // One click picks it (the path goes into the field); a double-click opens it.
    await entry.click();
    await expect(page.getByTestId('file-path')).toHaveValue(path.join(work, 'cnn.blockprop.json'));
    await entry.dblclick();
    await expect(page.getByTestId('file-title')).toHaveText('cnn');
    await expect(page.getByTestId('model-total')).toHaveText('1,199,882');
  } finally {
    await server.stop();
  }
});

test('Export offers Download for every format: the Python script and the .keras model arrive as files', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  for (const [format, suffix] of [
    ['python', '.py'],
    ['keras', '.keras'],
    ['keras3', '.keras3.json'],
  ] as const) {
    await page.keyboard.press('Control+e');
    await page.getByTestId(`export-${format}`).click();
    await expect(page.getByTestId('export-download')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    const file = await download;
    expect(file.suggestedFilename().endsWith(suffix)).toBe(true);
    const bytes = readFileSync(await file.path());
    if (format === 'python') expect(bytes.toString('utf8')).toContain('layers.Conv2D(32');
    if (format === 'keras') expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip archive
    await page.keyboard.press('Escape');
  }
});
