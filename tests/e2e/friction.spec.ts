import { expect, test } from './fixtures/server';
import { block, dropBlock } from './support/editorPage';
import { openTemplate } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

test('palette variants add Conv2D + ReLU and Dense + softmax; a click-added block says it was wired', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await dropBlock(page, 'InputLayer', 300, 80);
  await expect(block(page, 'input_layer')).toBeVisible();
  await block(page, 'input_layer').click();
  await page.getByTestId('palette-Conv2D-relu').click();
  await expect(block(page, 'conv2d')).toContainText('relu');
  await expect(page.getByTestId('toast').last()).toContainText('wired');
  await dropBlock(page, 'Dense-softmax', 600, 380);
  await expect(block(page, 'dense')).toContainText('softmax');
  await expect(page.getByTestId('palette-Dense-relu')).toHaveText('Dense + ReLU');
});

test('the dock keeps the height it was dragged to, after a reload', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  const handle = page.locator('.dock-resize');
  const box = await handle.boundingBox();
  if (box === null) throw new Error('no dock handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 150, { steps: 8 });
  await page.mouse.up();
  const height = Math.round((await page.getByTestId('dock').boundingBox())?.height ?? 0);
  await page.reload();
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-train').click(); // a learning panel does not grow a dock the person sized
  await expect.poll(async () => Math.round((await page.getByTestId('dock').boundingBox())?.height ?? 0)).toBe(height);
});

test('the backend line says what runs, and a missing faster engine is a hint, not a failure', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'fc_tf_mnist');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('subset').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('300');
  await page.getByTestId('start-training').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  const line = page.getByTestId('backend-line');
  await expect(line).toBeVisible();
  await expect(line).not.toContainText(/failed:/);
  await page.getByTestId('look-inside').click();
  await expect(page.getByTestId('view-activations')).toHaveAttribute('aria-selected', 'true');
});

test('feature-map tiles have a size slider', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-inspect').click();
  // The template's fit-to-view may still be moving the blocks: click again, as a person would, until conv2d_1 is picked.
  await expect(async () => {
    await block(page, 'conv2d_1').click();
    await expect(page.getByTestId('feature-maps')).toHaveAttribute('data-count', '64', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  const before = (await page.locator('.fm-canvas').boundingBox())?.width ?? 0;
  const initial = Number.parseInt(await page.getByTestId('tile-size-value').innerText(), 10);
  const slider = page.getByTestId('tile-size');
  const box = await slider.boundingBox();
  if (box === null) throw new Error('no slider');
  // Drag the knob to the right end: bigger tiles.
  await page.mouse.click(box.x + box.width - 3, box.y + box.height / 2);
  await expect.poll(async () => Number.parseInt(await page.getByTestId('tile-size-value').innerText(), 10)).toBeGreaterThan(initial);
  const after = (await page.locator('.fm-canvas').boundingBox())?.width ?? 0;
  expect(after).toBeGreaterThanOrEqual(before);
  // And to the left end: small tiles, down to the maps' own pixels.
  await page.mouse.click(box.x + 3, box.y + box.height / 2);
  await expect(page.getByTestId('tile-size-value')).toHaveText('24 px');
  await page.screenshot({ path: '/tmp/shots/e2e-tile-slider.png' });
});
