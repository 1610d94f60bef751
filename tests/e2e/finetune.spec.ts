import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { block } from './support/editorPage';
import { fileMenu, typeInto } from './support/person';

/*
 * Fine-tuning a trained model, as a student takes it: open a model trained in Keras 3.15 (.keras), look at
 * its feature maps, replace its head (freezing the rest), fine-tune one epoch on a small image
 * folder, save the project and reopen it with its trained weights.
 */
const shots = '/tmp/shots';
const fixtures = path.resolve(__dirname, '../fixtures/trained');

test.use({ viewport: { width: 1600, height: 1000 } });

/** The in-app folder picker starts in the server's folder (the repository): walk down to the fixture folder. */
async function pickFolder(page: Page, parts: readonly string[]): Promise<void> {
  const picker = page.getByTestId('folder-picker');
  await expect(picker).toBeVisible();
  for (const part of parts) await picker.getByRole('button', { name: `📁 ${part}`, exact: true }).click();
  await picker.getByTestId('use-folder').click();
}

test('open a trained .keras, see its feature maps, replace the head, fine-tune on a folder, save and reopen with the weights', async ({
  page,
  blockprop: app,
}) => {
  test.setTimeout(240_000);
  const model = path.join(app.dir, 'cnn.keras');
  copyFileSync(path.join(fixtures, 'cnn.keras'), model);
  await page.goto(app.url);

  // File → Open takes the .keras as it is: architecture and trained weights.
  await fileMenu(page, 'open');
  await typeInto(page, 'file-path', model);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Imported the .keras model' })).toBeVisible();
  await expect(block(page, 'conv_a')).toBeVisible();

  // The image folder: its images are the model's 12×12 gray inputs, and its 2 classes size the new head.
  await page.getByTestId('tab-train').click();
  await page.getByTestId('dataset-folder').click();
  await pickFolder(page, ['tests', 'fixtures', 'trained', 'folder']);
  await expect(page.getByTestId('dataset-preview')).toContainText('40');

  // Its feature maps, from the trained weights, for one of the folder's images.
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('weights-state')).toContainText('Trained weights');
  await block(page, 'conv_a').click();
  await expect(page.getByTestId('feature-maps')).toHaveAttribute('data-count', '4', { timeout: 60_000 });
  await expect(page.getByTestId('map-count')).toHaveText('4 feature maps of 10×10');
  await page.screenshot({ path: `${shots}/finetune-feature-maps.png` });

  // Replace the head on the last Conv2D: everything up to it frozen, a new 2-class classifier on top.
  await block(page, 'conv2d').click();
  await expect(page.getByTestId('head-classes')).toHaveAttribute('placeholder', "2 (the dataset's)");
  await page.getByTestId('replace-head').click();
  await expect(page.getByTestId('toast').filter({ hasText: '2 classes; 2 layers frozen' })).toBeVisible();
  // The layer list has the new head (the canvas draws only the blocks in view).
  await expect(page.getByTestId('layer-global_average_pooling2d')).toContainText('(None, 6)');
  await expect(page.getByTestId('layer-dense')).toContainText('(None, 2)');
  await expect(page.getByTestId('layer-dense_1')).toHaveCount(0);
  await expect(page.getByTestId('block-frozen')).toHaveCount(2);
  await expect(page.getByTestId('weights-state')).toContainText('Trained weights for the layers that did not change');
  // The kept block says it still has its trained weights.
  await block(page, 'conv2d').click();
  await expect(page.getByTestId('block-weights-note')).toHaveText('Has trained weights.');
  await page.screenshot({ path: `${shots}/finetune-head.png` });

  // One epoch; the run asks what to do with the trained weights, and continues from them.
  await page.getByTestId('tab-train').click();
  await typeInto(page, 'epochs', '1');
  await typeInto(page, 'batch-size', '4');
  await page.getByTestId('start-training').click();
  await expect(page.getByTestId('confirm-message')).toContainText('layers that still fit keep them');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('run-counters')).toContainText('epoch 1/1');

  // Save: the project and its weights beside it.
  const project = path.join(app.dir, 'finetuned.blockprop.json');
  await fileMenu(page, 'save-as');
  await typeInto(page, 'file-name', project);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('file-title')).toHaveText('finetuned');
  await expect.poll(() => existsSync(path.join(app.dir, 'finetuned.weights.h5'))).toBe(true);

  // Reopen: the weights come back with it.
  await page.reload();
  await fileMenu(page, 'open');
  await typeInto(page, 'file-path', project);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Trained weights restored from finetuned.weights.h5' })).toBeVisible();
  await expect(page.getByTestId('block-frozen')).toHaveCount(2);
  await page.getByTestId('tab-inspect').click();
  await expect(page.getByTestId('weights-state')).toContainText('Trained weights');
  await page.screenshot({ path: `${shots}/finetune-reopened.png` });
});
