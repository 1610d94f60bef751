import { expect, test } from './fixtures/server';
import { openTemplate, typeInto } from './support/person';

const shots = '/tmp/shots';

test.use({ viewport: { width: 1600, height: 1000 } });

test('the engine list offers our kernel tiers; a run on the SIMD tier says which engine and threads ran', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  // The top bar's badge names what `auto` picks: native kernels where the addon was built, else simd.
  await expect(page.getByTestId('backend-badge')).toHaveText(/^(tensorflow|native|simd)$/);
  await openTemplate(page, 'fc_200_200');
  await page.getByTestId('tab-train').click();
  const chooser = page.getByTestId('backend');
  for (const name of ['native', 'simd', 'wasm', 'cpu']) await expect(chooser.locator(`option[value="${name}"]`)).toHaveCount(1);
  await chooser.click();
  await chooser.selectOption('simd');
  await expect(page.locator('.backend-choice .field-help')).toContainText('WebAssembly SIMD kernels');
  await typeInto(page, 'subset', '1000');
  await typeInto(page, 'epochs', '1');
  await typeInto(page, 'batch-size', '100');
  await page.getByTestId('start-training').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('backend-line')).toContainText('simd');
  await expect(page.getByTestId('backend-line')).toContainText(/SIMD128 wasm kernels, \d+ threads?/);
  await page.screenshot({ path: `${shots}/train-simd-engine.png` });
});
