import type { Page } from '@playwright/test';

/** Opens a template from the top bar's Templates menu, as a person does. */
export async function openTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId('template-menu').click();
  await page.getByTestId(`template-${id}`).click();
}

/** Clicks a field, clears it and types `text` key by key. */
export async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId).first();
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await field.pressSequentially(text, { delay: 10 });
}

/** Picks a File menu item. */
export async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId(`menu-${item}`).click();
}
