import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from '@playwright/test';
import { expect, test } from './fixtures/server';

/*
 * A student drags a model trained in Keras from the desktop onto the window: a drop target shows
 * while dragging, and the drop opens the model (architecture and weights) as File → Open does.
 * The DataTransfer is built in the page with the fixture's real bytes, as the desktop would hand it.
 */
const shots = '/tmp/shots';
const fixtures = path.resolve(__dirname, '../fixtures/trained');

async function dataTransferOf(page: Page, names: readonly string[]): Promise<JSHandle<DataTransfer>> {
  const files = names.map((name) => ({ name, base64: readFileSync(path.join(fixtures, name)).toString('base64') }));
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
}

async function dropFiles(page: Page, names: readonly string[]): Promise<void> {
  const dataTransfer = await dataTransferOf(page, names);
  await page.dispatchEvent('.canvas-area', 'dragenter', { dataTransfer });
  await page.dispatchEvent('.canvas-area', 'dragover', { dataTransfer });
  await expect(page.getByTestId('file-drop')).toContainText('Drop to open');
  await page.dispatchEvent('.canvas-area', 'drop', { dataTransfer });
}

test('dropping a .h5 and a .keras onto the window opens each with its totals; other files are refused', async ({ page, blockprop: app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.locator('.canvas-area')).toBeVisible();

  // While dragging: the drop target, then it goes away when the drag leaves.
  const dt = await dataTransferOf(page, ['bn.h5']);
  await page.dispatchEvent('.canvas-area', 'dragenter', { dataTransfer: dt });
  await expect(page.getByTestId('file-drop')).toBeVisible();
  await page.screenshot({ path: `${shots}/file-drop-target.png` });
  await page.dispatchEvent('.canvas-area', 'dragleave', { dataTransfer: dt });
  await expect(page.getByTestId('file-drop')).toHaveCount(0);

  // A legacy .h5 trained in Keras 3.15 (BatchNormalization): Keras's 505 params, 22 non-trainable.
  await dropFiles(page, ['bn.h5']);
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported the .h5 model' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('file-drop')).toHaveCount(0);
  // The Summary tab is the dock's first; open it only if another tab is showing.
  if (!(await page.getByTestId('total-params').isVisible())) await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('total-params')).toContainText('Total params: 505');
  await expect(page.locator('div').filter({ hasText: /^Non-trainable params: 22 \(/ })).toHaveCount(1);

  // A .keras archive next: the same path (the opened model is not edited, so nothing to discard).
  await dropFiles(page, ['cnn.keras']);
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported the .keras model' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('total-params')).toContainText('Total params: 729');
  await expect(page.getByTestId('toast').filter({ hasText: 'Trained weights loaded' }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/file-drop-opened.png` });

  // A picture is not a model: said at once, the open model stays.
  await dropFiles(page, ['cnn.png']);
  await expect(page.getByTestId('toast').filter({ hasText: "'cnn.png' is not a file Blockprop opens" })).toBeVisible();
  await expect(page.getByTestId('total-params')).toContainText('Total params: 729');
});
