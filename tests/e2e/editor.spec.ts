import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, test } from './fixtures/server';
import { block, buildKerasCnnByHand, chooseInFileDialog, clickCanvas, dropBlock, edgeShapes, setParam, wire } from './support/editorPage';

const shots = '/tmp/shots';

test.use({ viewport: { width: 1600, height: 1100 } });

test('build the Keras CNN by hand, check shapes and totals, mistakes, undo, save, reopen, export', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('empty-canvas')).toBeVisible();

  // Drag every block from the palette onto a 3×3 grid of the canvas, set its parameters, wire them top to bottom.
  await buildKerasCnnByHand(page);
  await expect(page.getByTestId('edge-shape')).toHaveCount(8);
  // Invalid wiring is refused with the reason.
  await wire(page, 'dense_1', 'conv2d');
  await expect(page.getByTestId('toast').last()).toContainText('would make a cycle');
  await expect(page.getByTestId('edge-shape')).toHaveCount(8);

  await clickCanvas(page);
  await page.keyboard.press('a');
  await page.keyboard.press('f');
  await expect(page.getByTestId('edge-shape')).toHaveCount(8);
  const shapes = await edgeShapes(page);
  for (const s of ['(None, 28, 28, 1)', '(None, 26, 26, 32)', '(None, 24, 24, 64)', '(None, 12, 12, 64)', '(None, 9216)', '(None, 128)']) {
    expect(shapes).toContain(s);
  }
  await expect(block(page, 'conv2d_1').getByTestId('block-params')).toHaveText('18,496');
  await expect(block(page, 'dense').getByTestId('block-params')).toHaveText('1,179,776');
  await expect(page.getByTestId('model-total')).toHaveText('1,199,882');
  await expect(page.getByTestId('total-params')).toContainText('Total params: 1,199,882 (4.58 MB)');
  await expect(page.getByTestId('summary-row')).toHaveCount(8);

  // A wiring mistake: a Conv2D fed by Flatten's 2-D output. The block turns red and says why.
  await clickCanvas(page);
  const flatBox = await block(page, 'flatten').boundingBox();
  const canvasBox = await page.getByTestId('canvas').boundingBox();
  if (flatBox === null || canvasBox === null) throw new Error('canvas not laid out');
  await dropBlock(page, 'Conv2D', flatBox.x - canvasBox.x + 420, flatBox.y - canvasBox.y + 150);
  await wire(page, 'flatten', 'conv2d_2');
  const bad = block(page, 'conv2d_2');
  await expect(bad).toHaveAttribute('data-severity', 'error');
  const message = await bad.getByTestId('block-problem').getAttribute('title');
  expect(message).toContain("Conv2D 'conv2d_2'");
  await page.screenshot({ path: `${shots}/e2e-mistake.png` });
  // The Problems tab lists it; clicking it selects the block.
  await clickCanvas(page);
  await page.getByTestId('tab-problems').click();
  await page.getByTestId('panel-problems').getByTestId('diagnostic').first().getByRole('button').click();
  await expect(page.getByTestId('param-name')).toHaveValue('conv2d_2');
  await page.getByTestId('tab-summary').click();

  // Undo removes the wire (the error goes), undo again the block; redo brings both back.
  await clickCanvas(page);
  await page.keyboard.press('f');
  await expect(page.getByTestId('edge-shape')).toHaveCount(9);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edge-shape')).toHaveCount(8);
  // Unwired, the block now lacks an input instead: a different message, no longer about Flatten's output.
  await expect(bad.getByTestId('block-problem')).not.toHaveAttribute('title', message ?? '');
  await page.keyboard.press('Control+z');
  await expect(bad).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(bad).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(bad).toHaveAttribute('data-severity', 'error');
  await bad.click();
  await page.keyboard.press('Delete');
  await expect(bad).toHaveCount(0);
  await expect(page.getByTestId('model-total')).toHaveText('1,199,882');

  // Save as, reload the page, reopen the file.
  const projectPath = path.join(app.dir, 'keras_cnn.blockprop.json');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-save-as').click();
  await chooseInFileDialog(page, projectPath, 'save');
  await expect(page.getByTestId('file-title')).toHaveText('keras_cnn');
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await expect(page.getByTestId('recovery-banner')).toHaveCount(0);
  // Reopen from the recent files.
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-recent').click();
  await page.getByTestId('recent-entry').filter({ hasText: 'keras_cnn' }).click();
  await expect(page.getByTestId('file-title')).toHaveText('keras_cnn');
  await expect(page.getByTestId('block')).toHaveCount(9);
  await expect(page.getByTestId('model-total')).toHaveText('1,199,882');

  // Export Keras 3 JSON through the dialog; it must equal what the CLI exports from the saved file.
  const exportPath = path.join(app.dir, 'keras_cnn.keras3.json');
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.getByTestId('export-keras3').click();
  await page.getByTestId('export-save').click();
  await chooseInFileDialog(page, exportPath, 'save');
  await expect(page.getByTestId('toast').last()).toContainText('Exported');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  const fromUi = readFileSync(exportPath, 'utf8');
  const fromCli = execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'blockprop.cjs'), 'export', projectPath, '--format', 'keras3'], {
    encoding: 'utf8',
  });
  expect(JSON.parse(fromUi)).toEqual(JSON.parse(fromCli));
  expect(fromUi.trim()).toBe(fromCli.trim());
});

test('open the ResNet50 template and fit it on screen', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await page.getByTestId('template-menu').click();
  await page.getByTestId('template-resnet50').click();
  await expect(page.getByTestId('file-title')).toHaveText('ResNet50');
  await clickCanvas(page);
  // Big models open with their stages as group blocks; G shows every layer as its own block.
  await expect(page.getByTestId('group-block')).toHaveCount(5);
  await page.keyboard.press('g');
  await page.keyboard.press('f');
  // With only visible elements rendered, all 177 blocks on the page means all of them are on screen.
  await expect(page.getByTestId('block')).toHaveCount(177);
  await expect(page.getByTestId('model-total')).toHaveText('25,636,712');
  await page.screenshot({ path: `${shots}/e2e-resnet50-fit.png` });

  // InceptionV3 too: 313 layers, branches side by side.
  await page.getByTestId('template-menu').click();
  await page.getByTestId('template-inception_v3').click();
  await clickCanvas(page);
  await page.keyboard.press('f');
  await expect(page.getByTestId('block')).toHaveCount(313);
  await expect(page.getByTestId('model-total')).toHaveText('23,851,784');
});

test('keyboard: duplicate, copy and paste, delete, palette search, theme', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await page.getByTestId('template-menu').click();
  await page.getByTestId('template-keras_cnn').click();
  await block(page, 'conv2d').click();
  await page.keyboard.press('d');
  await expect(block(page, 'conv2d_2')).toBeVisible();
  await page.keyboard.press('c');
  await page.keyboard.press('v');
  await expect(block(page, 'conv2d_3')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(block(page, 'conv2d_3')).toHaveCount(0);
  await expect(page.getByTestId('block')).toHaveCount(10);
  await page.keyboard.press('Control+z');
  await expect(block(page, 'conv2d_3')).toBeVisible();

  // `/` jumps to the palette search; Enter adds the only match below the selected block, wired to it.
  await block(page, 'dense_1').click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('palette-search')).toBeFocused();
  await page.keyboard.type('softmax');
  await page.keyboard.press('Enter');
  await expect(block(page, 'softmax')).toBeVisible();
  await expect(page.getByTestId('edge-shape').filter({ hasText: '(None, 10)' })).toHaveCount(1);

  // Typing an invalid value shows the message under the field and changes nothing.
  await block(page, 'conv2d').click();
  await setParam(page, 'filters', '0');
  await expect(page.getByTestId('field-message')).toContainText('filters must be 1 or more');
  await expect(block(page, 'conv2d').getByTestId('block-params')).toHaveText('320');

  // Dragging a block is one undo step, however many frames the drag took.
  const flatten = block(page, 'flatten');
  const before = await flatten.boundingBox();
  if (before === null) throw new Error('flatten is not on screen');
  await page.mouse.move(before.x + 100, before.y + 30);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 100 + i * 20, before.y + 30, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => (await flatten.boundingBox())?.x ?? 0).toBeGreaterThan(before.x + 150);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await flatten.boundingBox())?.x ?? 0)).toBe(Math.round(before.x));

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  await page.screenshot({ path: `${shots}/e2e-keyboard-theme.png` });
});

test('import Keras 3 JSON, export the diagram as PNG and SVG and a distributed Python script', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  const keras3 = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'keras', 'keras_cnn.keras3.json'), 'utf8');
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-import').click();
  await page.getByTestId('import-json').fill(keras3);
  await page.getByTestId('import-text').click();
  await expect(page.getByTestId('block')).toHaveCount(9);
  await expect(page.getByTestId('model-total')).toHaveText('1,199,882');

  for (const format of ['png', 'svg'] as const) {
    const out = path.join(app.dir, `diagram.${format}`);
    await page.keyboard.press('Control+e');
    await page.getByTestId(`export-${format}`).click();
    await page.getByTestId('export-save').click();
    await chooseInFileDialog(page, out, 'save');
    await expect(page.getByTestId('export-dialog')).toHaveCount(0);
    const bytes = readFileSync(out);
    if (format === 'png') expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    else expect(bytes.toString('utf8')).toContain('(None, 26, 26, 32)');
  }

  // The Python script, wrapped in a distribution strategy.
  const script = path.join(app.dir, 'keras_cnn.py');
  await page.keyboard.press('Control+e');
  await page.getByTestId('export-python').click();
  await page.getByTestId('export-strategy').selectOption('mirrored');
  await page.getByTestId('export-save').click();
  await chooseInFileDialog(page, script, 'save');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  const python = readFileSync(script, 'utf8');
  expect(python).toContain('MirroredStrategy');
  expect(python).toContain('Conv2D');
});

test('autosave offers to restore after a crash; newer and broken files are refused untouched', async ({ page, blockprop: app }) => {
  await page.goto(app.url);
  await page.getByTestId('template-menu').click();
  await page.getByTestId('template-keras_cnn').click();
  await block(page, 'dense').click();
  await setParam(page, 'units', '256');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  // The recovery file is written a couple of seconds after the last edit; once it holds the edit, the tab "crashes".
  const recovery = path.join(app.dir, 'config', 'recovery.blockprop.json');
  await expect.poll(() => (existsSync(recovery) ? readFileSync(recovery, 'utf8') : ''), { timeout: 15_000 }).toMatch(/"units":\s*256/);
  await page.reload();
  await expect(page.getByTestId('recovery-banner')).toBeVisible();
  await page.getByTestId('recovery-restore').click();
  await expect(block(page, 'dense').getByTestId('block-params')).toHaveText('2,359,552');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  const newer = path.join(app.dir, 'newer.blockprop.json');
  const broken = path.join(app.dir, 'broken.blockprop.json');
  writeFileSync(newer, JSON.stringify({ format: 'blockprop-project', version: 99, graph: { name: 'x', nodes: [], edges: [] } }));
  writeFileSync(broken, '{"format": "blockprop-project", "graph": ');
  for (const [file, words] of [
    [newer, 'newer Blockprop'],
    [broken, 'broken'],
  ] as const) {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-open').click();
    // The restored work is unsaved: the app's own dialog asks before opening another file.
    await page.getByTestId('confirm-ok').click();
    await chooseInFileDialog(page, file, 'open');
    await expect(page.getByTestId('toast').last()).toContainText(words === 'broken' ? /JSON|broken|read/i : words);
    // Nothing changed: the restored model is still on the canvas and the file is as it was.
    await expect(block(page, 'dense').getByTestId('block-params')).toHaveText('2,359,552');
  }
  expect(readFileSync(broken, 'utf8')).toBe('{"format": "blockprop-project", "graph": ');
});
