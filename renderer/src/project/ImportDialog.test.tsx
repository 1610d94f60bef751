// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyGraph } from '../../../shared/graph/types';
import { exportKeras3, importModel, toKerasJsonString } from '../../../shared/keras';
import { parseJsonText } from '../../../shared/project';
import { getTemplate } from '../../../shared/templates';
import { editor } from '../state/editorStore';
import { projectStore } from '../state/projectStore';
import { openDialog, uiStore } from '../state/uiStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Toasts } from '../ui/Toasts';
import { toastStore } from '../ui/toasts';
import { ImportDialog } from './ImportDialog';

/*
 * Import by pasting Keras JSON, as a person does. Main is a stub of the api client whose
 * model.import reads pasted text with the same shared reader main uses.
 */

const fake = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('../host/api', () => ({ api: () => ({ invoke: fake.invoke }) }));

function readPasted(text: string) {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, error: { code: 'bad-file', message: `The pasted text: ${parsed.error.message} Export the model with model.to_json().` } };
  const imported = importModel(parsed.value);
  if (!imported.ok) return { ok: false, error: { code: 'bad-file', message: `The pasted text: ${imported.error.message}` } };
  return { ok: true, value: { ...imported.value, warnings: [...imported.value.warnings] } };
}

function cnnJson(): string {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  const r = exportKeras3(t.build());
  if (!r.ok) throw new Error('the CNN does not export');
  return toKerasJsonString(r.value);
}

const layerNames = (): string[] =>
  editor
    .graph()
    .nodes.map((n) => n.name)
    .sort((a, b) => a.localeCompare(b));

beforeEach(() => {
  fake.invoke.mockReset();
  fake.invoke.mockImplementation(async (method: string, request: { text?: string }) =>
    method === 'model.import' && request.text !== undefined ? readPasted(request.text) : { ok: false, error: { code: 'unexpected', message: method } },
  );
  editor.load(emptyGraph);
  // Nothing unsaved: the import goes ahead without asking.
  projectStore.setState((s) => ({ ...s, savedGraph: editor.graph(), settingsDirty: false }));
  toastStore.setState(() => []);
  openDialog('import');
});
afterEach(cleanup);

function renderDialog(): ReturnType<typeof userEvent.setup> {
  const user = userEvent.setup();
  render(
    <>
      <ImportDialog />
      <ConfirmDialog />
      <Toasts />
    </>,
  );
  return user;
}

describe('ImportDialog', () => {
  it('pasted Keras 3 JSON becomes the model and the dialog closes', async () => {
    const user = renderDialog();
    const importButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Import pasted JSON' });
    expect(importButton.disabled).toBe(true);
    await user.click(screen.getByLabelText('Model JSON'));
    await user.paste(cnnJson());
    expect(importButton.disabled).toBe(false);
    await user.click(importButton);
    await vi.waitFor(() => expect(uiStore.getState().dialog).toBeNull());
    expect(fake.invoke).toHaveBeenCalledWith('model.import', { text: cnnJson() });
    expect(layerNames()).toEqual(['conv2d', 'conv2d_1', 'dense', 'dense_1', 'dropout', 'dropout_1', 'flatten', 'input_layer', 'max_pooling2d']);
    expect((await screen.findByTestId('toast')).textContent).toBe('Imported Keras 3 JSON');
  });

  it('broken JSON says why in one line, and the dialog keeps the text', async () => {
    const user = renderDialog();
    const box = screen.getByLabelText<HTMLTextAreaElement>('Model JSON');
    await user.type(box, 'not a model');
    await user.click(screen.getByRole('button', { name: 'Import pasted JSON' }));
    const toast = await screen.findByTestId('toast');
    expect(toast.className).toContain('toast-error');
    expect(toast.textContent).toMatch(/^The pasted text: .+/);
    expect(toast.textContent).not.toContain('\n');
    expect(box.value).toBe('not a model');
    expect(uiStore.getState().dialog).toBe('import');
    expect(editor.graph().nodes).toHaveLength(0);
  });

  it('JSON that is not a model is refused the same way', async () => {
    const user = renderDialog();
    await user.click(screen.getByLabelText('Model JSON'));
    await user.paste('{"class_name": "Sequential"}');
    await user.click(screen.getByRole('button', { name: 'Import pasted JSON' }));
    expect((await screen.findByTestId('toast')).className).toContain('toast-error');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Model JSON').value).toBe('{"class_name": "Sequential"}');
    expect(uiStore.getState().dialog).toBe('import');
  });

  it('unsaved work is asked about first; keeping it leaves the model alone', async () => {
    const t = getTemplate('keras_cnn');
    if (t === undefined) throw new Error('template missing');
    // The editor holds a graph that was never saved.
    editor.load(t.build());
    const before = editor.graph();
    const user = renderDialog();
    await user.click(screen.getByLabelText('Model JSON'));
    await user.paste(cnnJson());
    await user.click(screen.getByRole('button', { name: 'Import pasted JSON' }));
    const question = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(fake.invoke).not.toHaveBeenCalled();
    expect(editor.graph()).toBe(before);
    expect(uiStore.getState().dialog).toBe('import');
  });

  it('Cancel closes without importing', async () => {
    const user = renderDialog();
    await user.type(screen.getByLabelText('Model JSON'), 'anything');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(uiStore.getState().dialog).toBeNull();
    expect(fake.invoke).not.toHaveBeenCalled();
  });
});
