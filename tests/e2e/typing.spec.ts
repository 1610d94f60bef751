import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { block, clickCanvas, typeParam } from './support/editorPage';

const shots = '/tmp/shots';

async function openTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('template-menu').click();
  await page.getByTestId(`template-${id}`).click();
}

/** Clears a focused-by-click field and types `text` key by key, as a person does. */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await field.pressSequentially(text, { delay: 15 });
}

// Focus once jumped to the dialog box, so only the first character stayed.
test('typing in dialogs keeps every character: export file name, save as, open path, paste box', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');

  await page.keyboard.press('Control+e');
  await page.getByTestId('export-python').click();
  await page.getByTestId('export-save').click();
  const script = path.join(app.dir, 'chapter_cnn.py');
  await typeInto(page, 'file-name', script);
  await expect(page.getByTestId('file-name')).toHaveValue(script);
  await expect(page.getByTestId('file-name')).toBeFocused();
  await page.screenshot({ path: `${shots}/e2e-typing-export-name.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').last()).toContainText('chapter_cnn.py');
  const written = page.getByTestId('toast').last();
  const where = (await written.innerText()).replace(/^.*Exported\s+/s, '').trim();
  expect(path.basename(where)).toBe('chapter_cnn.py');
  expect(readFileSync(where, 'utf8')).toContain('Conv2D');

  // Save as: the typed name is the file's name.
  const saved = path.join(app.dir, 'typed_name.blockprop.json');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-save-as').click();
  await typeInto(page, 'file-name', saved);
  await expect(page.getByTestId('file-name')).toHaveValue(saved);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('file-title')).toHaveText('typed_name');
  expect(existsSync(saved)).toBe(true);

  // Open: the typed path.
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-open').click();
  await typeInto(page, 'file-path', saved);
  await expect(page.getByTestId('file-path')).toHaveValue(saved);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('file-dialog')).toHaveCount(0);

  // Import's paste box: type a small Keras 3 model by hand.
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-import').click();
  await typeInto(page, 'import-json', '{"class_name": "Sequential"');
  await expect(page.getByTestId('import-json')).toHaveValue('{"class_name": "Sequential"');
});

// A value is committed on Enter or blur, never half-typed.
test('typed parameter values commit on Enter or blur, not on each keystroke', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await block(page, 'conv2d').click();
  // "3.5" is not a whole number: the message shows and nothing is committed (was: 3 on the way).
  await typeInto(page, 'param-filters', '3.5');
  await expect(page.getByTestId('field-message')).toContainText('whole number');
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('320');
  await page.keyboard.press('Enter');
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('320');
  await expect(page.getByTestId('param-filters')).toHaveValue('3.5');
  // "1e9" is not an int either (was: 1 committed after the first key).
  await typeInto(page, 'param-filters', '1e9');
  await expect(page.getByTestId('field-message')).toBeVisible();
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('320');
  // A valid value waits for Enter, then commits once: one undo step.
  await typeInto(page, 'param-filters', '16');
  await expect(page.getByTestId('field-message')).toHaveCount(0);
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('320');
  await page.keyboard.press('Enter');
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('160');
  // Blur commits too.
  await typeParam(page, 'filters', '8');
  await clickCanvas(page);
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('80');
  await page.keyboard.press('Control+z');
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('160');
});
