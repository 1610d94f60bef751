import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startBlockpropWeb, test } from './fixtures/server';
import { buildKerasCnnByHand, clickCanvas } from './support/editorPage';
import { typeInto } from './support/person';

test.use({ viewport: { width: 1600, height: 1100 } });

test('a learner builds the chapter’s Keras CNN by hand, trains it on a subset and saves the Python script under a typed name', async ({ page }) => {
  test.setTimeout(180_000);
  // A home folder of its own, so the file dialog's start and the saved script are this test's.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'blockprop-learner-'));
  const home = path.join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const server = await startBlockpropWeb({ dir, env: { HOME: home } });
  try {
    await page.goto(server.url);
    await buildKerasCnnByHand(page);
    await clickCanvas(page);
    await page.keyboard.press('a');
    await page.keyboard.press('f');
    await expect(page.getByTestId('model-total')).toHaveText('1,199,882');
    await expect(page.getByTestId('problems-count')).toHaveCount(0);

    // Train on 1,200 MNIST images for one epoch, settings typed key by key.
    await page.getByTestId('tab-train').click();
    await typeInto(page, 'subset', '1200');
    await typeInto(page, 'epochs', '1');
    await typeInto(page, 'batch-size', '60');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'done', { timeout: 150_000 });
    await expect(page.getByTestId('run-counters')).toContainText('batch 20/20');
    await expect(page.getByTestId('test-accuracy')).toHaveText(/\d+\.\d\d %/);
    await expect(page.getByTestId('run-owner')).toContainText('Run of');
    await page.screenshot({ path: '/tmp/shots/e2e-chapter-cnn-trained.png' });

    // Export → Python → Save to file…: the dialog starts in the home folder; type the name.
    await page.keyboard.press('Control+e');
    await page.getByTestId('export-python').click();
    await page.getByTestId('export-save').click();
    await expect(page.getByTestId('file-dir-path')).toHaveText(home);
    await typeInto(page, 'file-name', 'chapter_cnn.py');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('toast').last()).toContainText('chapter_cnn.py');
    const script = path.join(home, 'chapter_cnn.py');
    expect(existsSync(script)).toBe(true);
    const python = readFileSync(script, 'utf8');
    for (const line of [
      'layers.Conv2D(32, (3, 3), activation="relu", name="conv2d")',
      'layers.Conv2D(64, (3, 3)',
      'MaxPooling2D',
      'layers.Dropout(0.25',
      'layers.Dense(128, activation="relu"',
      'layers.Dense(10, activation="softmax"',
    ]) {
      expect(python).toContain(line);
    }
  } catch (error) {
    console.log(server.output());
    throw error;
  } finally {
    await server.stop();
  }
});
