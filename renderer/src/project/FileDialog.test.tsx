// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileDialog } from './FileDialog';
import { pickFile, type PickRequest } from './filePicker';

/*
 * The browser's in-app file dialog, driven as a person does. Main is a stub of the api client that
 * answers fs.home and fs.list from a tiny home folder: a "models" folder and one project file.
 */

const fake = vi.hoisted(() => {
  const folders: Record<string, { parent: string | null; entries: { name: string; path: string; kind: 'dir' | 'file'; size: number; modifiedMs: number }[] }> =
    {
      '/home/ada': {
        parent: '/home',
        entries: [
          { name: 'models', path: '/home/ada/models', kind: 'dir', size: 0, modifiedMs: 0 },
          { name: 'mnist.json', path: '/home/ada/mnist.json', kind: 'file', size: 2048, modifiedMs: 0 },
        ],
      },
      '/home/ada/models': {
        parent: '/home/ada',
        entries: [{ name: 'cnn.json', path: '/home/ada/models/cnn.json', kind: 'file', size: 512, modifiedMs: 0 }],
      },
    };
  const invoke = vi.fn(async (method: string, request: { dir?: string }) => {
    if (method === 'fs.home') return { ok: true, value: { home: '/home/ada', cwd: '/srv', sep: '/' } };
    const folder = method === 'fs.list' && request.dir !== undefined ? folders[request.dir] : undefined;
    if (folder === undefined) return { ok: false, error: { code: 'not-found', message: `No folder ${request.dir ?? ''}.` } };
    return { ok: true, value: { dir: request.dir, ...folder } };
  });
  return { invoke };
});
vi.mock('../host/api', () => ({ api: () => ({ invoke: fake.invoke }) }));

const openRequest: PickRequest = { mode: 'open', title: 'Open a project', extensions: ['json'] };

/**
 * Opens the dialog as the app does and waits for the home folder's listing. The answer comes
 * wrapped: an async function returning a bare promise would wait for it.
 */
async function ask(request: PickRequest = openRequest): Promise<{ answer: Promise<string | null> }> {
  render(<FileDialog />);
  let answer: Promise<string | null> = Promise.resolve(null);
  act(() => {
    answer = pickFile(request);
  });
  await screen.findByText('mnist.json');
  return { answer };
}

const entry = (name: string): HTMLElement => {
  const row = screen.getAllByTestId('file-entry').find((e) => e.dataset.name === name);
  if (row === undefined) throw new Error(`no row ${name}`);
  return row;
};

beforeEach(() => {
  localStorage.clear();
  fake.invoke.mockClear();
});
afterEach(cleanup);

describe('FileDialog', () => {
  it('lists the home folder: folders without a size, files with theirs', async () => {
    await ask();
    expect(screen.getByRole('dialog', { name: 'Open a project' })).toBeTruthy();
    expect(screen.getByTestId('file-dir-path').textContent).toBe('/home/ada');
    expect(screen.getAllByTestId('file-entry').map((e) => e.dataset.name)).toEqual(['models', 'mnist.json']);
    expect(within(entry('mnist.json')).getByText('2.00 KB')).toBeTruthy();
    expect(entry('models').querySelector('.file-size')?.textContent).toBe('');
    // Only the project files are asked for.
    expect(fake.invoke).toHaveBeenCalledWith('fs.list', { dir: '/home/ada', extensions: ['json'] });
  });

  it('a typed absolute path opens on Enter, and its folder is remembered', async () => {
    const user = userEvent.setup();
    const { answer } = await ask();
    const path = screen.getByLabelText<HTMLInputElement>('Path');
    await user.type(path, '/data/runs/best model.json');
    expect(path.value).toBe('/data/runs/best model.json');
    await user.keyboard('{Enter}');
    await expect(answer).resolves.toBe('/data/runs/best model.json');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(localStorage.getItem('blockprop.lastFolder')).toBe('/data/runs');
  });

  it('a typed bare name is taken from the folder listed', async () => {
    const user = userEvent.setup();
    const { answer } = await ask();
    await user.type(screen.getByLabelText('Path'), 'notes.json');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await expect(answer).resolves.toBe('/home/ada/notes.json');
  });

  it('a double-click opens a folder, Up goes back, and a double-click on a file opens it', async () => {
    const user = userEvent.setup();
    const { answer } = await ask();
    await user.dblClick(entry('models'));
    await screen.findByText('cnn.json');
    expect(screen.getByTestId('file-dir-path').textContent).toBe('/home/ada/models');
    await user.click(screen.getByRole('button', { name: '↑ Up' }));
    await screen.findByText('mnist.json');
    await user.dblClick(entry('models'));
    await user.dblClick(await screen.findByText('cnn.json'));
    await expect(answer).resolves.toBe('/home/ada/models/cnn.json');
    expect(localStorage.getItem('blockprop.lastFolder')).toBe('/home/ada/models');
  });

  it('a click on a file picks it into the field without opening it', async () => {
    const user = userEvent.setup();
    const { answer } = await ask();
    await user.click(entry('mnist.json'));
    expect(entry('mnist.json').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Path').value).toBe('/home/ada/mnist.json');
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await expect(answer).resolves.toBe('/home/ada/mnist.json');
  });

  it('Open is off until something is typed', async () => {
    await ask();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Open' }).disabled).toBe(true);
  });

  it.each([
    ['Cancel', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['the close button', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Close' }))],
  ])('%s closes it with no answer', async (_label, dismiss) => {
    const user = userEvent.setup();
    const { answer } = await ask();
    await user.type(screen.getByLabelText('Path'), '/somewhere.json');
    await dismiss(user);
    await expect(answer).resolves.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('saving proposes the name, keeps every typed character and saves in the folder listed', async () => {
    const user = userEvent.setup();
    const { answer } = await ask({ mode: 'save', title: 'Save the project', extensions: ['json'], defaultName: 'model.json' });
    const name = screen.getByLabelText<HTMLInputElement>('File name');
    expect(name.value).toBe('model.json');
    // The name field has the focus, so typing goes straight into it.
    expect(document.activeElement).toBe(name);
    await user.clear(name);
    await user.type(name, 'my cnn, v2.json');
    expect(name.value).toBe('my cnn, v2.json');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect(answer).resolves.toBe('/home/ada/my cnn, v2.json');
  });

  it('starts in the folder used last, and at home when that folder has gone', async () => {
    localStorage.setItem('blockprop.lastFolder', '/home/ada/models');
    render(<FileDialog />);
    act(() => void pickFile(openRequest));
    await screen.findByText('cnn.json');
    cleanup();
    localStorage.setItem('blockprop.lastFolder', '/gone');
    await ask();
    expect(screen.getByTestId('file-dir-path').textContent).toBe('/home/ada');
  });
});
