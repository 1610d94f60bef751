// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyGraph } from '../../../shared/graph/types';
import { editor } from '../state/editorStore';
import { projectStore } from '../state/projectStore';
import { openDialog, uiStore } from '../state/uiStore';
import { RecentDialog } from './RecentDialog';

/* Open recent, with main as a stub of the api client that lists two projects, one of them gone. */

const fake = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('../host/api', () => ({ api: () => ({ invoke: fake.invoke }) }));

const files = [
  { path: '/home/ada/cnn.json', name: 'cnn.json', openedAt: '2026-01-02T10:00:00Z', exists: true },
  { path: '/home/ada/old.json', name: 'old.json', openedAt: '2025-12-01T10:00:00Z', exists: false },
];

function answerWith(recent: unknown) {
  fake.invoke.mockImplementation(async (method: string) =>
    method === 'project.recent' ? recent : { ok: false, error: { code: 'not-found', message: 'The file has gone.' } },
  );
}

beforeEach(() => {
  fake.invoke.mockReset();
  answerWith({ ok: true, value: { files } });
  editor.load(emptyGraph);
  // Nothing unsaved: opening a project does not ask first.
  projectStore.setState((s) => ({ ...s, savedGraph: editor.graph(), settingsDirty: false }));
  openDialog('recent');
});
afterEach(cleanup);

describe('RecentDialog', () => {
  it('lists the recent projects; one that has gone cannot be chosen', async () => {
    render(<RecentDialog />);
    const rows = await screen.findAllByTestId<HTMLButtonElement>('recent-entry');
    expect(rows.map((r) => r.textContent)).toEqual(['cnn.json /home/ada/cnn.json', 'old.json /home/ada/old.json']);
    expect(rows.map((r) => r.disabled)).toEqual([false, true]);
    expect(rows[1]?.title).toBe('/home/ada/old.json (missing)');
  });

  it('a click opens the project and closes the dialog', async () => {
    const user = userEvent.setup();
    render(<RecentDialog />);
    await user.click(await screen.findByText('cnn.json'));
    expect(uiStore.getState().dialog).toBeNull();
    await vi.waitFor(() => expect(fake.invoke).toHaveBeenCalledWith('project.open', { path: '/home/ada/cnn.json' }));
  });

  it('says when there is nothing yet, and shows main’s error', async () => {
    answerWith({ ok: true, value: { files: [] } });
    render(<RecentDialog />);
    expect(await screen.findByText('No recent projects yet.')).toBeTruthy();
    cleanup();
    answerWith({ ok: false, error: { code: 'io', message: 'The recent list could not be read.' } });
    render(<RecentDialog />);
    expect(await screen.findByText('The recent list could not be read.')).toBeTruthy();
    expect(screen.queryAllByTestId('recent-entry')).toHaveLength(0);
  });
});
