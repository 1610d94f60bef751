import { expect, test } from './fixtures/server';
import { viewSettled } from './support/editorPage';
import { openTemplate } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

test('ResNet50 at a glance: stages as group blocks with shapes and params, expandable in place, every layer reachable', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'resnet50');
  await page.getByTestId('tab-summary').click(); // fold the dock: the canvas gets the screen
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('f');
  await viewSettled(page);
  const stages = page.getByTestId('group-block');
  await expect(stages).toHaveCount(5);
  await expect(page.locator('[data-group="conv2"]').getByTestId('group-shape')).toHaveText('(None, 56, 56, 256)');
  await expect(page.locator('[data-group="conv5"]').getByTestId('group-shape')).toHaveText('(None, 7, 7, 2048)');
  await page.screenshot({ path: '/tmp/shots/e2e-resnet-groups.png' });
  // Expand conv2 in place: its three residual blocks appear, collapsed.
  await page.locator('[data-group="conv2"]').click();
  await expect(page.getByTestId('group-frame').filter({ hasText: 'conv2' })).toBeVisible();
  await expect(page.locator('[data-testid="group-block"][data-group^="conv2_block"]')).toHaveCount(3);
  await page.keyboard.press('f');
  await viewSettled(page);
  await page.screenshot({ path: '/tmp/shots/e2e-resnet-conv2-open.png' });
  await page.locator('[data-group="conv2_block1"]').click();
  await expect(page.locator('[data-testid="block"][data-name="conv2_block1_0_conv"]')).toHaveCount(1);
  await page.keyboard.press('f');
  await viewSettled(page);
  await page.screenshot({ path: '/tmp/shots/e2e-resnet-block-open.png' });
  // Folding back from the frame's title, and every layer as its own block from the hint.
  await page.getByTestId('group-collapse').filter({ hasText: 'conv2_block1' }).click();
  await expect(page.locator('[data-testid="block"][data-name="conv2_block1_0_conv"]')).toHaveCount(0);
  await page.getByTestId('grouped-hint').getByRole('button').click();
  await expect(page.getByTestId('group-block')).toHaveCount(0);
  await expect(page.getByTestId('grouped-hint')).toHaveCount(0);
  await page.keyboard.press('g');
  await expect(page.getByTestId('group-block').first()).toBeVisible();
});

test('InceptionV3 at a glance: a stem and three stages side by side with their shapes', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'inception_v3');
  await page.getByTestId('tab-summary').click();
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('f');
  await viewSettled(page);
  await expect(page.getByTestId('group-block')).toHaveCount(4);
  await page.screenshot({ path: '/tmp/shots/e2e-inception-groups.png' });
  await page.locator('[data-group="mixed0–2"]').click();
  await page.locator('[data-group="mixed0"]').click();
  await page.keyboard.press('f');
  await viewSettled(page);
  await page.screenshot({ path: '/tmp/shots/e2e-inception-mixed0.png' });
});
