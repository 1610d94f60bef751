import { expect, test } from './fixtures/server';
import { block } from './support/editorPage';
import { fileMenu, openTemplate, typeInto } from './support/person';

test.use({ viewport: { width: 1440, height: 900 } });

// Results belong to the model and run they came from.
test('after File → New the Train tab no longer shows the previous model’s accuracy and curves', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'fc_tf_mnist');
  await page.getByTestId('tab-train').click();
  await typeInto(page, 'subset', '600');
  await typeInto(page, 'epochs', '1');
  await typeInto(page, 'batch-size', '100');
  await page.getByTestId('start-training').click();
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('test-accuracy')).toBeVisible();
  await expect(page.getByTestId('run-owner')).toContainText('Run of');

  // An edit: the result stays, saying it came from the model as it was.
  await block(page, 'dense').click();
  await typeInto(page, 'param-units', '64');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-owner')).toContainText('changed since');

  await fileMenu(page, 'new');
  // The edit is unsaved: the app's own dialog asks first.
  await expect(page.getByTestId('confirm-dialog')).toContainText('not saved');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  // Another 3-layer model: its Train tab starts clean.
  await openTemplate(page, 'fc_200_200');
  await expect(page.getByTestId('panel-train')).toBeVisible();
  await expect(page.getByTestId('run-phase')).toHaveText('Ready');
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  await expect(page.getByTestId('run-owner')).toHaveCount(0);
  await expect(page.getByTestId('live-curves')).toHaveAttribute('data-points', '0');
});

// Inspect: opening ResNet50 never shows the CNN's maps, and the advice fits the model.
test('Inspect after opening ResNet50: no maps of the previous CNN, advice that fits a 224×224×3 model', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await openTemplate(page, 'keras_cnn');
  await page.getByTestId('tab-inspect').click();
  await block(page, 'conv2d').click();
  await expect(page.getByTestId('map-count')).toHaveText('32 feature maps of 26×26', { timeout: 60_000 });

  await openTemplate(page, 'resnet50');
  await expect(page.getByTestId('file-title')).toHaveText('ResNet50');
  // Straight away and while the engine answers: nothing of the old model is shown.
  for (let i = 0; i < 10; i++) {
    await expect(page.getByTestId('map-count').filter({ hasText: '26×26' })).toHaveCount(0, { timeout: 100 });
    await page.waitForTimeout(100);
  }
  const advice = page.getByTestId('activations-error').or(page.getByTestId('predict-error')).first();
  await expect(advice).toContainText('image folder', { timeout: 60_000 });
  await expect(advice).not.toContainText('change the Input block to 28×28×1');
  await page.screenshot({ path: '/tmp/shots/e2e-resnet-inspect-advice.png' });
});

// An empty canvas has no phantom problem.
test('an empty canvas counts no problems: badge, inspector and tab agree', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await expect(page.getByTestId('model-problems')).toHaveText('0 errors, 0 warnings');
  // The new model is named as Keras names a Sequential.
  await expect(page.getByTestId('model-name')).toHaveText('sequential');
  await expect(page.getByTestId('problems-count')).toHaveCount(0);
  await page.getByTestId('tab-problems').click();
  await expect(page.getByTestId('diagnostic')).toHaveCount(0);
  // One block without input: the badge, the inspector and the list agree.
  await openTemplate(page, 'keras_cnn');
  await block(page, 'flatten').click();
  await page.keyboard.press('Delete');
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
  const count = Number(await page.getByTestId('problems-count').innerText());
  await expect(page.getByTestId('diagnostic')).toHaveCount(count);
});
