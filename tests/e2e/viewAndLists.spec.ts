import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { clickCanvas, dropBlock, viewSettled } from './support/editorPage';
import { openTemplate } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

/** How many blocks lie wholly inside the canvas's visible rectangle. */
async function blocksOnScreen(page: Page): Promise<number> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (canvas === null) return 0;
  const boxes = await Promise.all((await page.getByTestId('block').all()).map((b: Locator) => b.boundingBox()));
  return boxes.filter(
    (b) => b !== null && b.x >= canvas.x && b.x + b.width <= canvas.x + canvas.width && b.y >= canvas.y && b.y + b.height <= canvas.y + canvas.height,
  ).length;
}

// Undoing an auto-layout once left the view where the layout had been: an empty-looking canvas.
test('undo of an auto-layout keeps the blocks in view', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await dropBlock(page, 'InputLayer', 60, 60);
  await dropBlock(page, 'Dense', 820, 560);
  await dropBlock(page, 'Dense', 60, 560);
  await dropBlock(page, 'Flatten', 820, 60);
  // Zoom out and drag all four far to the right and down, as a person tidying the canvas does.
  await clickCanvas(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /zoom out/i }).click();
  await page.keyboard.press('Control+a');
  const from = await page.getByTestId('block').first().boundingBox();
  if (from === null) throw new Error('no block on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + 500, from.y + 300, { steps: 12 });
  await page.mouse.up();
  // Auto-layout moves them back to the origin and fits the view there; undo puts them back.
  await clickCanvas(page);
  await page.keyboard.press('a');
  await viewSettled(page);
  await page.keyboard.press('Control+z');
  await viewSettled(page);
  await expect.poll(() => blocksOnScreen(page)).toBe(4);
  await page.screenshot({ path: '/tmp/shots/e2e-undo-layout.png' });
});

// "Wrong with the most confidence" — the list runs from the most confident wrong answer down.
test('Mistakes are sorted by the confidence of the wrong answer, highest first', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'fc_tf_mnist');
  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('view-mistakes').click();
  await expect(page.getByTestId('mistake').first()).toBeVisible({ timeout: 60_000 });
  const texts = await page.getByTestId('mistake').allInnerTexts();
  const confidence = texts.map((t) => Number(/\((\d+(?:\.\d+)?) %\)/.exec(t)?.[1] ?? 'NaN'));
  expect(confidence.length).toBeGreaterThan(5);
  for (let i = 1; i < confidence.length; i++) expect(confidence[i]).toBeLessThanOrEqual(confidence[i - 1] ?? 0);
});
