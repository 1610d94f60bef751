import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';

const shots = '/tmp/shots';

async function openTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('template-menu').click();
  await page.getByTestId(`template-${id}`).click();
}

async function points(page: Page): Promise<number> {
  return Number(await page.getByTestId('live-curves').getAttribute('data-points'));
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('train the chapter FC net for one epoch on a 2,000-image MNIST subset: curves move, accuracy appears, the run is kept', async ({
  page,
  blockprop: app,
}) => {
  await page.goto(app.url);
  await openTemplate(page, 'fc_tf_mnist');
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('dataset-preview')).toContainText('60,000');
  await expect(page.getByTestId('data-check')).toContainText('Output 10 units for 10 classes');
  await page.getByTestId('subset').fill('2000');
  await page.getByTestId('epochs').fill('1');
  await page.getByTestId('batch-size').fill('50');
  await page.getByTestId('seed').fill('7');

  // The curves move while it trains: every count of points the chart shows is recorded, since on the
  // native kernels this run can end within a second (too fast to sample by polling).
  await page.evaluate(() => {
    const seen: number[] = [];
    Object.assign(window, { pointsSeen: seen });
    new MutationObserver(() => {
      const n = Number(document.querySelector('[data-testid="live-curves"]')?.getAttribute('data-points') ?? 0);
      if (n > 0 && seen[seen.length - 1] !== n) seen.push(n);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
  });
  await page.getByTestId('start-training').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  const seen = await page.evaluate(() => {
    const v: unknown = Reflect.get(window, 'pointsSeen');
    return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
  });
  // Points arrived in several steps during the run, each step adding to the last.
  expect(seen.length).toBeGreaterThan(2);
  seen.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(seen[i] ?? 0));
  expect(await points(page)).toBe(seen[seen.length - 1]);
  // 2,000 images / 50 per batch; the engine sends batch events at most every few ms, the last one always.
  await expect(page.getByTestId('run-counters')).toContainText('batch 40/40');
  const accuracy = await page.getByTestId('test-accuracy').innerText();
  const value = Number(accuracy.replace('%', '').trim());
  expect(value).toBeGreaterThan(60);
  await expect(page.getByTestId('run-counters')).toContainText('epoch 1/1');
  await page.getByTestId('note-train').getByRole('button').click(); // fold the note for the picture
  await page.screenshot({ path: `${shots}/train-curves.png` });

  // The run is kept with the project: the Runs tab lists it with its test accuracy.
  await page.getByTestId('tab-runs').click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(page.getByTestId('run-row').first()).toContainText(accuracy.trim());
  const download = page.waitForEvent('download');
  await page.getByTestId('runs-csv').click();
  expect((await download).suggestedFilename()).toBe('blockprop-runs.csv');
  await page.screenshot({ path: `${shots}/train-runs.png` });
});

test('stop a run in the middle of its first epoch: the weights so far are kept', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('subset').fill('6000');
  await page.getByTestId('epochs').fill('1');
  await page.getByTestId('batch-size').fill('20');
  await page.getByTestId('start-training').click();
  await expect.poll(() => points(page), { timeout: 60_000 }).toBeGreaterThan(1);
  // The top bar's button became Stop; stop from the panel.
  await expect(page.getByTestId('train-button')).toContainText('Stop');
  await page.getByTestId('stop-training').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'stopped', { timeout: 30_000 });
  const stoppedAt = await points(page);
  expect(stoppedAt).toBeLessThan(300); // 6,000 / 20 batches in the epoch: stopped well before its end
  await expect(page.getByTestId('run-message')).toContainText(/stop/i);
  await expect(page.getByTestId('train-button')).toContainText('Train');
  await page.getByTestId('tab-runs').click();
  await expect(page.getByTestId('run-row').first()).toContainText('stopped');
  // The batches it did train are counted (was "0/1 ep." as if nothing had trained).
  await expect(page.getByTestId('run-progress-text').first()).toHaveText(/^0\/1 ep\. · \d+\/300 batches$/);
});
