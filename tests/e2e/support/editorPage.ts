import { expect, type Locator, type Page } from '@playwright/test';

/** Small verbs for driving the editor the way a person does: drag, wire, type. */
export function block(page: Page, name: string): Locator {
  return page.locator(`[data-testid="block"][data-name="${name}"]`);
}

/** Drags a layer from the palette and drops it at (x, y) inside the canvas. */
export async function dropBlock(page: Page, kind: string, x: number, y: number): Promise<void> {
  // force: the empty-canvas gallery covers the canvas until the drag starts (then it steps aside).
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y }, force: true });
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (box === null) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from `from`'s output socket to input socket `index` of `to`. */
export async function wire(page: Page, from: string, to: string, index = 0): Promise<void> {
  const a = await centre(block(page, from).getByTestId('socket-out'));
  const b = await centre(block(page, to).getByTestId(`socket-in-${index}`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Types into an inspector text field key by key (replacing what it held), without committing. */
export async function typeParam(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByTestId(`param-${name}`);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await field.pressSequentially(value);
}

/** Types a value into an inspector field and commits it with Enter, or picks an option (selects). */
export async function setParam(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByTestId(`param-${name}`);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await field.selectOption(value);
    return;
  }
  await typeParam(page, name, value);
  await field.press('Enter');
}

/** Clicks the empty canvas (deselects, and moves keyboard focus out of any field). */
export async function clickCanvas(page: Page): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  await pane.click({ position: { x: 12, y: 12 } });
}

/**
 * Waits until the canvas's pan and zoom stop changing: fitting or centring the view animates for a
 * few hundred milliseconds, and a screenshot or a position read during it catches a frame in between.
 */
export async function viewSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [120], timeout: 10_000 },
    )
    .toBe(true);
}

export async function edgeShapes(page: Page): Promise<string[]> {
  return page.getByTestId('edge-shape').allInnerTexts();
}

/** Picks a file path in the in-app file dialog (browser mode) by typing it. */
export async function chooseInFileDialog(page: Page, path: string, mode: 'open' | 'save'): Promise<void> {
  const dialog = page.getByTestId('file-dialog');
  await dialog.waitFor();
  if (mode === 'save') {
    await dialog.getByTestId('file-name').click();
    await page.keyboard.press('ControlOrMeta+a');
    await dialog.getByTestId('file-name').pressSequentially(path);
    await dialog.getByTestId('file-save').click();
  } else {
    await dialog.getByTestId('file-path').click();
    await dialog.getByTestId('file-path').pressSequentially(path);
    await dialog.getByTestId('file-path').press('Enter');
  }
}

// The chapter's Keras CNN, block by block: [palette item, the name Keras gives it, params to type or pick].
const kerasCnn: readonly [string, string, Record<string, string>][] = [
  ['InputLayer', 'input_layer', { shape: '28, 28, 1' }],
  ['Conv2D', 'conv2d', { filters: '32', kernel_size: '3, 3', activation: 'relu' }],
  ['Conv2D', 'conv2d_1', { filters: '64', kernel_size: '3, 3', activation: 'relu' }],
  ['MaxPooling2D', 'max_pooling2d', { pool_size: '2, 2' }],
  ['Dropout', 'dropout', { rate: '0.25' }],
  ['Flatten', 'flatten', {}],
  ['Dense', 'dense', { units: '128', activation: 'relu' }],
  ['Dropout', 'dropout_1', { rate: '0.5' }],
  ['Dense', 'dense_1', { units: '10', activation: 'softmax' }],
];

/** Builds kerasCnn as a person does: drags each block onto a 3×3 grid, types its parameters, then wires them top to bottom. */
export async function buildKerasCnnByHand(page: Page): Promise<void> {
  for (const [i, [kind, name, params]] of kerasCnn.entries()) {
    await dropBlock(page, kind, 160 + (i % 3) * 280, 70 + Math.floor(i / 3) * 130);
    await expect(block(page, name)).toBeVisible();
    await expect(page.getByTestId('block-inspector')).toContainText(kind);
    for (const [key, value] of Object.entries(params)) await setParam(page, key, value);
  }
  for (let i = 1; i < kerasCnn.length; i++) await wire(page, kerasCnn[i - 1]?.[1] ?? '', kerasCnn[i]?.[1] ?? '');
}
