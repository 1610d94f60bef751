import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { block } from './support/editorPage';

/**
 * How a CNN computes. Acts as a learner: real mouse moves and clicks, keystrokes.
 * Screenshots in /tmp/shots (looked at while writing this).
 */

const shots = '/tmp/shots';

async function openTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('template-menu').click();
  await page.getByTestId(`template-${id}`).click();
}

/** Moves the mouse to a point of an element (fractions of its box) and clicks there. */
async function clickAt(page: Page, target: Locator, fx: number, fy: number): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error('not visible');
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 5 });
  await page.mouse.down();
  await page.mouse.up();
}

async function pngWidth(path: string): Promise<number> {
  const b = readFileSync(path);
  return b.readUInt32BE(16);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.use({ viewport: { width: 1440, height: 900 } });

test('click a feature-map pixel: receptive field, arithmetic equal to the model, sliding kernel; Dense contributions; saliency and Grad-CAM; PNG at 2x', async ({
  page,
  blockprop: app,
}) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-inspect').click();
  await block(page, 'conv2d_1').click();
  const grid = page.getByTestId('feature-maps');
  await expect(grid).toHaveAttribute('data-count', '64', { timeout: 90_000 });

  // A pixel near the middle of the first map (channel 0).
  const canvas = grid.locator('canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('no grid');
  // The middle of the first tile (tiles are square, `data-cols` of them per row).
  const tile = box.width / Number(await grid.getAttribute('data-cols'));
  await page.mouse.move(box.x + tile * 0.45, box.y + tile * 0.45, { steps: 6 });
  await page.mouse.down();
  await page.mouse.up();
  const detail = page.getByTestId('cell-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('arith-check')).toContainText('✓', { timeout: 60_000 });
  // Two valid 3×3 convolutions: a 5×5 field of 25 pixels.
  await expect(page.getByTestId('field-size')).toContainText('5×5 pixels');
  await expect(page.getByTestId('field-canvas')).toHaveAttribute('data-count', '25');
  await expect(page.getByTestId('arith-channel')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/computes-detail.png` });

  // Step the kernel, play it, pause it.
  const slide = page.getByTestId('slide-view');
  const before = Number(await slide.getAttribute('data-pos'));
  await page.getByTestId('slide-step').click();
  await expect(slide).toHaveAttribute('data-pos', String(before + 1));
  await page.getByTestId('slide-play').click();
  await expect.poll(async () => Number(await slide.getAttribute('data-pos'))).toBeGreaterThan(before + 2);
  await page.getByTestId('slide-play').click();
  // Paused: the kernel stays where it is.
  const paused = await slide.getAttribute('data-pos');
  await page.waitForTimeout(300);
  await expect(slide).toHaveAttribute('data-pos', paused ?? '');
  await detail.locator('.modal-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: `${shots}/computes-slide.png` });

  // Clicking the output map explains that cell instead.
  await clickAt(page, page.getByTestId('slide-output'), 0.02, 0.02);
  await expect(page.getByTestId('cell-detail')).toContainText('row 0, column 0');
  await expect(page.getByTestId('arith-check')).toContainText('✓', { timeout: 60_000 });

  // Save the view as a PNG at 2×.
  const download = page.waitForEvent('download');
  await page.getByTestId('cell-png-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/@2x\.png$/);
  const saved = `${shots}/computes-detail-2x.png`;
  await file.saveAs(saved);
  expect(await pngWidth(saved)).toBeGreaterThan(1000);

  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // A Dense unit: the ten largest contributions each way.
  await page.getByTestId('layer-dense').click();
  const strip = page.getByTestId('dense-strip');
  await expect(strip).toHaveAttribute('data-units', '128', { timeout: 60_000 });
  await clickAt(page, strip.locator('.dense-heat'), 0.05, 0.5);
  await expect(page.getByTestId('dense-positive').locator('tr')).toHaveCount(10, { timeout: 60_000 });
  await expect(page.getByTestId('arith-check')).toContainText('✓');
  await page.screenshot({ path: `${shots}/computes-dense.png` });
  await page.keyboard.press('Escape');

  // The softmax output: how p(3) came about.
  await page.getByTestId('layer-dense_1').click();
  await page.getByTestId('explain-unit-3').click();
  await expect(page.getByTestId('arithmetic')).toContainText('softmax', { timeout: 60_000 });
  await expect(page.getByTestId('arith-check')).toContainText('✓');
  await page.keyboard.press('Escape');

  // Where it looks: saliency and Grad-CAM, then another class.
  await page.getByTestId('view-look').click();
  await expect(page.getByTestId('saliency-canvas')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('gradcam-canvas')).toBeVisible();
  await expect(page.getByTestId('look-layer')).toHaveValue('conv2d_1');
  await page.getByTestId('look-class-3').click();
  await expect(page.getByTestId('look-class-3')).toHaveAttribute('aria-checked', 'true', { timeout: 60_000 });
  await page.screenshot({ path: `${shots}/computes-look.png` });
});

test('the lesson: step 1 checks the model against the chapter, trains briefly, Next asks nothing; the card covers neither inspector nor dock', async ({
  page,
  blockprop: app,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  // The empty canvas's lesson button stays inside the canvas area.
  const entry = page.getByTestId('lesson-entry');
  await expect(entry).toBeVisible();
  const inspector = await page.getByTestId('inspector').boundingBox();
  const entryBox = await entry.boundingBox();
  if (inspector === null || entryBox === null) throw new Error('layout');
  expect(overlaps(entryBox, inspector)).toBe(false);
  await page.screenshot({ path: `${shots}/lesson-empty-1280.png` });

  await entry.click();
  const card = page.getByTestId('lesson-card');
  await expect(card).toContainText('1 · MNIST with a fully connected net');
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('lesson-check')).toContainText('814,090');
  const cardBox = await card.boundingBox();
  const dock = await page.getByTestId('dock').boundingBox();
  if (cardBox === null || dock === null) throw new Error('layout');
  expect(overlaps(cardBox, inspector)).toBe(false);
  expect(overlaps(cardBox, dock)).toBe(false);

  // Next and Back load the templates without asking to discard anything.
  await page.getByTestId('lesson-next').click();
  await expect(card).toContainText('2 · The Keras CNN');
  await expect(page.getByTestId('lesson-check')).toContainText('1,199,882');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('.topbar')).not.toContainText('●');
  await page.getByTestId('lesson-back').click();
  await expect(card).toContainText('1 · MNIST with a fully connected net');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Train briefly from the card: the learner's figure appears beside the chapter's.
  await page.getByTestId('lesson-train').click();
  await expect(page.getByTestId('lesson-mine')).toHaveText(/\d+\.\d\d %/, { timeout: 240_000 });
  await expect(card).toContainText('done ✓');
  await page.screenshot({ path: `${shots}/lesson-step1-trained.png` });

  // Training health of that run: per-layer histograms, measured on the probe batch.
  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('view-health').click();
  await expect(page.getByTestId('health-view')).toBeVisible();
  await expect(page.getByTestId('hist-w-dense')).toBeVisible();
  await expect(page.getByTestId('hist-g-dense_1')).toBeVisible();
  await expect(page.getByTestId('health-view')).toContainText('measuring took');
  await page.screenshot({ path: `${shots}/health.png` });

  // Progress survives a reload.
  await page.reload();
  await page.getByTestId('lesson-entry').click();
  await expect(page.getByTestId('lesson-card')).toContainText('done ✓');
  await page.screenshot({ path: `${shots}/lesson-step1-reloaded.png` });
});
