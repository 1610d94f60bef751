import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { block } from './support/editorPage';

const shots = '/tmp/shots';

async function openTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('template-menu').click();
  await page.getByTestId(`template-${id}`).click();
}

/** Draws a "7" on the pad with the mouse. */
async function drawSeven(page: Page): Promise<void> {
  const pad = page.getByTestId('draw-pad');
  const box = await pad.boundingBox();
  if (box === null) throw new Error('the drawing pad is not visible');
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const path = [at(0.25, 0.22), at(0.75, 0.22), at(0.62, 0.5), at(0.5, 0.8)];
  const [start, ...rest] = path;
  if (start === undefined) return;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 8 });
  await page.mouse.up();
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('Keras CNN before training: 32 feature maps of the first Conv2D, draw a digit, confusion matrix', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('weights-state')).toContainText('Initial');

  // Click the first Conv2D on the canvas: its 32 maps of 26×26 (the chapter's 4×8 grid).
  await block(page, 'conv2d').click();
  await expect(page.getByTestId('feature-maps')).toHaveAttribute('data-count', '32', { timeout: 60_000 });
  await expect(page.getByTestId('map-count')).toHaveText('32 feature maps of 26×26');
  await expect(page.getByTestId('predicted-class')).toHaveText(/^\d$/);
  await page.screenshot({ path: `${shots}/inspect-activations.png` });

  // A Dense layer is a strip of units.
  await page.getByTestId('layer-dense').click();
  await expect(page.getByTestId('dense-strip')).toHaveAttribute('data-units', '128');

  // Draw a digit: a prediction comes back for the drawing.
  await page.getByTestId('source-draw').click();
  await drawSeven(page);
  await expect(page.getByTestId('prediction-bars').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('predicted-class')).toHaveText(/^\d$/);
  await page.screenshot({ path: `${shots}/inspect-draw.png` });

  // Confusion matrix on 1,000 test images; click a cell to see its images.
  await page.getByTestId('view-confusion').click();
  await page.getByRole('button', { name: '1,000', exact: true }).click();
  await expect(page.getByTestId('confusion-matrix')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('cm-cell')).toHaveCount(100);
  await expect(page.getByTestId('eval-accuracy')).toContainText('1,000 images');
  await page.getByTestId('cm-cell').nth(0).click();
  await expect(page.getByTestId('cell-samples')).toBeVisible();
  await page.screenshot({ path: `${shots}/inspect-confusion.png` });
});
