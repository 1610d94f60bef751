import { expect, test } from './fixtures/server';
import { fileMenu } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

test('the command palette runs any action by name, with its keys shown; About and the shortcuts come from the same list', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await page.getByTestId('file-title').click();
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await expect(page.getByTestId('command-input')).toBeFocused();
  await page.keyboard.type('resnet', { delay: 20 });
  await expect(page.getByTestId('command').first()).toContainText('ResNet50');
  await page.screenshot({ path: '/tmp/shots/e2e-command-palette.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByTestId('file-title')).toHaveText('ResNet50');

  // Ctrl+K too; ↓ and Enter pick; the action's keys are listed beside it.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('expo', { delay: 20 });
  const first = page.getByTestId('command').first();
  await expect(first).toContainText('Export…');
  await expect(first.locator('kbd')).toHaveText('Ctrl+E');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  // Escape closes the palette; nothing runs.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('about', { delay: 20 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).toHaveCount(0);
  await expect(page.getByTestId('about-dialog')).toHaveCount(0);

  // About is a real dialog now (it used to open the shortcuts).
  await fileMenu(page, 'commands');
  await page.keyboard.type('about', { delay: 20 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('about-dialog')).toContainText('Version');
  await expect(page.getByTestId('about-version')).toHaveText(/\d+\.\d+\.\d+/);
  await page.keyboard.press('Escape');

  // The shortcuts dialog lists the palette's own keys, from the same declarations.
  await page.keyboard.press('Control+/');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Command Palette…');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+Shift+P');
  await page.screenshot({ path: '/tmp/shots/e2e-shortcuts.png' });
});
