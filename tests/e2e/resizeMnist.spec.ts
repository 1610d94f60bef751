import { expect, test } from './fixtures/server';
import { openTemplate } from './support/person';

/*
 * Bug 10 of issue 10: a model made for photos (ResNet50, 224×224×3) on MNIST. The Train tab's
 * check offers resizing MNIST to the Input first, one click does it, and the switch shows it is on.
 */
test('ResNet50 on MNIST: the data check offers resizing MNIST to 224×224×3, and one click switches it on', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'resnet50');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('dataset-mnist').click();
  const check = page.getByTestId('data-check');
  await expect(check).toContainText('Input is 224×224×3, made for larger colour images; MNIST\'s are 28×28×1. Resize MNIST to 224×224×3, pick an image folder');
  await expect(page.getByTestId('dataset-resize')).not.toBeChecked();
  const fix = page.getByTestId('data-fix');
  await expect(fix).toHaveText('Resize MNIST to 224×224×3');
  await page.screenshot({ path: '/tmp/shots/resize-mnist-offer.png' });
  await fix.click();
  await expect(check).toContainText("MNIST's 28×28 grey images are resized to the Input's 224×224×3 (grey copied to R, G and B).");
  await expect(page.getByTestId('dataset-resize')).toBeChecked();
  await expect(page.getByTestId('data-fix')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/resize-mnist-on.png' });
  // The switch turns it off again: back to the advice.
  await page.getByTestId('dataset-resize').click();
  await expect(page.getByTestId('data-fix')).toHaveText('Resize MNIST to 224×224×3');
});
