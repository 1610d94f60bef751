// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildChain } from '../../../shared/graph/fromSpec';
import { getTemplate } from '../../../shared/templates';
import { appInfoStore } from '../host/appInfo';
import { FileDialog } from '../project/FileDialog';
import { editor } from '../state/editorStore';
import { openDialog, uiStore } from '../state/uiStore';
import { ExportDialog } from './ExportDialog';

/*
 * The export dialog in browser mode, driven as a person does. Main is a stub of the api client
 * (an empty home folder for the file dialog, export.write and export.download that record what
 * they were asked); downloads are caught before they reach the browser.
 */

const fake = vi.hoisted(() => ({ invoke: vi.fn(), download: vi.fn() }));
vi.mock('../host/api', () => ({ api: () => ({ invoke: fake.invoke }) }));
vi.mock('../ui/download', () => ({ downloadFile: fake.download }));

async function answer(method: string, request: { dir?: string; path?: string; name?: string }) {
  switch (method) {
    case 'fs.home':
      return { ok: true, value: { home: '/home/ada', cwd: '/srv', sep: '/' } };
    case 'fs.list':
      return { ok: true, value: { dir: request.dir, parent: '/home', entries: [] } };
    case 'export.write':
      return { ok: true, value: { path: request.path, bytes: 10, files: [request.path] } };
    case 'export.download':
      return { ok: true, value: { files: [{ name: request.name, base64: btoa('def build_model():\n    ...\n') }] } };
    default:
      return { ok: false, error: { code: 'unexpected', message: method } };
  }
}

function loadCnn(): void {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  editor.load(t.build());
}

beforeEach(() => {
  localStorage.clear();
  fake.invoke.mockReset();
  fake.invoke.mockImplementation(answer);
  fake.download.mockReset();
  appInfoStore.setState(() => ({
    name: 'Blockprop',
    version: '0',
    mode: 'web',
    nativeDialogs: false,
    platform: 'linux',
    versions: { node: '22', electron: null, chrome: null },
    backends: { default: 'cpu', available: [] },
    configDir: '/home/ada/.blockprop',
  }));
  loadCnn();
  openDialog('export');
});
afterEach(cleanup);

function renderDialog(): ReturnType<typeof userEvent.setup> {
  const user = userEvent.setup();
  render(
    <>
      <ExportDialog />
      <FileDialog />
    </>,
  );
  return user;
}

/** The radio button of a format, by its id (the choice's own test id). */
const formatChoice = (id: string): HTMLInputElement => within(screen.getByTestId(`export-${id}`)).getByRole('radio');

/** The text of the one file downloaded, and its name. */
function downloaded(): { name: string; text: string } {
  expect(fake.download).toHaveBeenCalledTimes(1);
  const [name, content, , base64]: unknown[] = fake.download.mock.calls[0] ?? [];
  if (typeof name !== 'string' || typeof content !== 'string') throw new Error('no download');
  return { name, text: base64 === true ? atob(content) : content };
}

describe('ExportDialog', () => {
  it('Keras 3 JSON is chosen first and downloads the model with every layer name', async () => {
    const user = renderDialog();
    expect(formatChoice('keras3').checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const { name, text } = downloaded();
    expect(name).toMatch(/\.keras3\.json$/);
    const json: unknown = JSON.parse(text);
    expect(json).toMatchObject({ class_name: 'Sequential' });
    for (const layer of ['conv2d', 'conv2d_1', 'max_pooling2d', 'dropout', 'flatten', 'dense', 'dropout_1', 'dense_1'])
      expect(text).toContain(`"name": "${layer}"`);
  });

  it('Keras 2 JSON downloads the tf.keras topology', async () => {
    const user = renderDialog();
    await user.click(formatChoice('keras2'));
    expect(formatChoice('keras2').checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const { name, text } = downloaded();
    expect(name).toMatch(/\.keras2\.json$/);
    expect(text).toContain('"dense_1"');
    expect(JSON.parse(text)).toMatchObject({ class_name: 'Sequential' });
  });

  it('Python offers a distribution strategy and asks main for the script with it', async () => {
    const user = renderDialog();
    expect(screen.queryByLabelText('distribution')).toBeNull();
    await user.click(formatChoice('python'));
    await user.selectOptions(screen.getByLabelText('distribution'), 'mirrored');
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await vi.waitFor(() => expect(fake.download).toHaveBeenCalled());
    expect(fake.invoke).toHaveBeenCalledWith(
      'export.download',
      expect.objectContaining({ format: 'python', strategy: 'mirrored', name: expect.stringMatching(/\.py$/) }),
    );
    const { name, text } = downloaded();
    expect(name).toMatch(/\.py$/);
    expect(text).toContain('def build_model');
  });

  it('Save to file asks for a name, keeps every typed character and writes there', async () => {
    const user = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Save to file…' }));
    const name = await screen.findByLabelText<HTMLInputElement>('File name');
    expect(name.value).toMatch(/\.keras3\.json$/);
    await user.clear(name);
    await user.type(name, 'my cnn (v2).keras3.json');
    expect(name.value).toBe('my cnn (v2).keras3.json');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(uiStore.getState().dialog).toBeNull());
    expect(fake.invoke).toHaveBeenCalledWith(
      'export.write',
      expect.objectContaining({ format: 'keras3', path: '/home/ada/my cnn (v2).keras3.json', overwrite: false, graph: editor.graph() }),
    );
  });

  it('an invalid model cannot be exported as a model, says why, and can still be drawn', async () => {
    // A Dense with nothing feeding it: Keras would refuse it.
    editor.load(buildChain('broken', [{ name: 'dense', kind: 'Dense', params: { units: 4 } }]));
    const user = renderDialog();
    expect(screen.getByText(/^Fix the errors in the Problems tab first/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save to file…' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Download' }).disabled).toBe(true);
    await user.click(formatChoice('svg'));
    expect(screen.queryByText(/^Fix the errors/)).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save to file…' }).disabled).toBe(false);
  });

  it('Cancel closes without exporting', async () => {
    const user = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(uiStore.getState().dialog).toBeNull();
    expect(fake.invoke).not.toHaveBeenCalled();
    expect(fake.download).not.toHaveBeenCalled();
  });
});
