// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allActions } from '../../../shared/actions';
import { keysText } from '../keyboard/keyText';
import { openDialog, uiStore } from '../state/uiStore';
import { ShortcutsDialog } from './ShortcutsDialog';

/* The shortcuts dialog lists the one action registry: every action with keys, none without. */

beforeEach(() => openDialog('shortcuts'));
afterEach(cleanup);

const withKeys = allActions.filter((a) => a.keys !== undefined && a.hidden !== true);

describe('ShortcutsDialog', () => {
  it('shows a row per action with keys, under its menu, with the keys this platform prints', () => {
    render(<ShortcutsDialog />);
    const rows = screen.getAllByTestId('shortcut-row');
    expect(rows).toHaveLength(withKeys.length);
    for (const a of withKeys) {
      const row = rows.find((r) => r.firstElementChild?.textContent?.startsWith(a.label) === true);
      if (row === undefined) throw new Error(`no row for ${a.id}`);
      expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(keysText(a.id));
      expect(row.closest('section')?.querySelector('h3')?.textContent).toBe(a.group);
    }
  });

  it('Undo shows Ctrl+Z off a Mac', () => {
    render(<ShortcutsDialog />);
    const undo = screen.getAllByTestId('shortcut-row').find((r) => r.firstElementChild?.textContent === 'Undo');
    if (undo === undefined) throw new Error('no Undo row');
    expect(within(undo).getByText('Ctrl+Z')).toBeTruthy();
  });

  it('Escape closes it', async () => {
    render(<ShortcutsDialog />);
    await userEvent.setup().keyboard('{Escape}');
    expect(uiStore.getState().dialog).toBeNull();
  });
});
