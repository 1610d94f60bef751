// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { askConfirm } from './confirm';
import { ConfirmDialog } from './ConfirmDialog';

afterEach(cleanup);

const question = { title: 'Discard changes?', message: 'The model has unsaved changes.', confirmLabel: 'Discard', danger: true } as const;

/** Opens the dialog the way the app does and returns the answer to come. */
function ask(): Promise<boolean> {
  let answer: Promise<boolean> = Promise.resolve(false);
  act(() => {
    answer = askConfirm(question);
  });
  return answer;
}

describe('ConfirmDialog', () => {
  it('asks in the app’s own dialog, the go-ahead focused so Enter confirms', async () => {
    const user = userEvent.setup();
    render(<ConfirmDialog />);
    expect(screen.queryByRole('dialog')).toBeNull();
    const answer = ask();
    const dialog = screen.getByRole('dialog', { name: 'Discard changes?' });
    expect(dialog.textContent).toContain('The model has unsaved changes.');
    const discard = screen.getByRole('button', { name: 'Discard' });
    expect(document.activeElement).toBe(discard);
    expect(discard.className).toContain('danger');
    await user.keyboard('{Enter}');
    await expect(answer).resolves.toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it.each([
    ['Cancel', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['the close button', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Close' }))],
    [
      'a click on the backdrop',
      async (user: ReturnType<typeof userEvent.setup>) => {
        const backdrop = screen.getByRole('dialog').parentElement;
        if (backdrop === null) throw new Error('no backdrop');
        await user.click(backdrop);
      },
    ],
  ])('%s answers no', async (_label, answerNo) => {
    const user = userEvent.setup();
    render(<ConfirmDialog />);
    const answer = ask();
    await answerNo(user);
    await expect(answer).resolves.toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a second question answers the first one no', async () => {
    render(<ConfirmDialog />);
    const first = ask();
    const second = ask();
    await expect(first).resolves.toBe(false);
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Discard' }));
    await expect(second).resolves.toBe(true);
  });
});
