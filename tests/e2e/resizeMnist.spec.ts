import { expect, test } from './fixtures/server';
import { openTemplate } from './support/person';

/*
 * A model made for photos (ResNet50, 224×224×3) on MNIST. The Train tab's
 * check offers resizing MNIST to the Input first, one click does it, and the switch shows it is on.
 */
test('ResNet50 on MNIST: the data check offers resizing MNIST to 224×224×3, and one click switches it on', async ({ page, blockprop: app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await openTemplate(page, 'resnet50');
  // Inspect first: its advice puts resizing MNIST before picking an image folder.
  await page.getByTestId('tab-inspect').click();
  const advice = page.getByTestId('activations-error').or(page.getByTestId('predict-error')).first();
  await expect(advice).toContainText('Resize MNIST to 224×224×3 (the Train tab\'s "Resize to the model\'s Input" switch), pick an image folder', {
    timeout: 60_000,
  });
  await page.getByTestId('tab-train').click();
  await page.getByTestId('dataset-mnist').click();
  const check = page.getByTestId('data-check');
  await expect(check).toContainText("Input is 224×224×3, made for larger colour images; MNIST's are 28×28×1. Resize MNIST to 224×224×3, pick an image folder");
  await expect(page.getByTestId('dataset-resize')).not.toBeChecked();
  const fix = page.getByTestId('data-fix');
  await expect(fix).toHaveText('Resize MNIST to 224×224×3');
  await page.screenshot({ path: '/tmp/shots/resize-mnist-offer.png' });
  await fix.click();
  await expect(check).toContainText("MNIST's 28×28 grey images are resized to the Input's 224×224×3 (grey copied to R, G and B).");
  await expect(page.getByTestId('dataset-resize')).toBeChecked();
  await expect(page.getByTestId('data-fix')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/resize-mnist-on.png' });
  // Inspect now runs ResNet50 on a test digit resized to 224×224×3: a prediction, no advice.
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('predicted-class')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('activations-error').or(page.getByTestId('predict-error'))).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/resize-mnist-inspect.png' });
  await page.getByTestId('tab-train').click();
  // The switch turns it off again: back to the advice.
  await page.getByTestId('dataset-resize').click();
  await expect(page.getByTestId('data-fix')).toHaveText('Resize MNIST to 224×224×3');
});
