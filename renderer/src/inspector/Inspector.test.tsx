// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { editor } from '../state/editorStore';
import { runAction } from '../actions/appActions';
import { Inspector } from './Inspector';

/*
 * The inspector's fields, driven as a person does: type, press Enter / Escape / Tab, tick, choose.
 * The Keras CNN's first Conv2D sees (None, 28, 28, 1): 32 filters of 3×3 give (None, 26, 26, 32)
 * and 32·(3·3·1) + 32 = 320 parameters.
 */

function selectConv(): void {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  editor.load(t.build());
  editor.select({ nodes: ['conv2d'], edges: [] });
}

const param = (name: string): unknown => editor.graph().nodes.find((n) => n.id === 'conv2d')?.params[name];
const shown = (testId: string): string => screen.getByTestId(testId).textContent ?? '';

/** Renders the inspector and replaces the text of the field labelled `label` by `keys`, typed. */
async function retype(label: string, keys: string): Promise<{ user: ReturnType<typeof userEvent.setup>; field: HTMLInputElement }> {
  const user = userEvent.setup();
  render(<Inspector />);
  const field = screen.getByLabelText<HTMLInputElement>(label);
  await user.clear(field);
  await user.type(field, keys);
  return { user, field };
}

beforeEach(selectConv);
afterEach(cleanup);

describe('Inspector fields', () => {
  it('shows the block, its output shape and parameter count', () => {
    render(<Inspector />);
    expect(screen.getByDisplayValue('conv2d')).toBeTruthy();
    expect(shown('inspector-shape')).toBe('(None, 26, 26, 32)');
    expect(shown('inspector-params')).toBe('320');
  });

  it('a number is committed on Enter, and the shape and count follow', async () => {
    const { user } = await retype('filters', '64');
    // Nothing half-typed reaches the model before Enter.
    expect(param('filters')).toBe(32);
    await user.keyboard('{Enter}');
    expect(param('filters')).toBe(64);
    expect(shown('inspector-shape')).toBe('(None, 26, 26, 64)');
    expect(shown('inspector-params')).toBe('640');
  });

  it('an invalid number says why under the field and is not committed; Escape puts the value back', async () => {
    const { user, field: filters } = await retype('filters', '0{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/^filters .+\.$/);
    expect(filters.getAttribute('aria-invalid')).toBe('true');
    expect(param('filters')).toBe(32);
    await user.keyboard('{Escape}');
    expect(filters.value).toBe('32');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a tuple typed as text is committed when the field loses focus', async () => {
    const { user } = await retype('kernel_size', '5, 5');
    await user.tab();
    expect(param('kernel_size')).toEqual([5, 5]);
    expect(shown('inspector-shape')).toBe('(None, 24, 24, 32)');
    expect(shown('inspector-params')).toBe('832');
  });

  it('a choice and a checkbox commit at once', async () => {
    const user = userEvent.setup();
    render(<Inspector />);
    await user.selectOptions(screen.getByLabelText('padding'), 'same');
    expect(param('padding')).toBe('same');
    expect(shown('inspector-shape')).toBe('(None, 28, 28, 32)');
    await user.click(screen.getByText(/^Advanced/));
    await user.click(screen.getByLabelText('use_bias'));
    expect(param('use_bias')).toBe(false);
    expect(shown('inspector-params')).toBe('288');
  });

  it('an edit is one undo step', async () => {
    await retype('filters', '16{Enter}');
    expect(param('filters')).toBe(16);
    act(() => editor.undo());
    expect(param('filters')).toBe(32);
    expect(screen.getByLabelText<HTMLInputElement>('filters').value).toBe('32');
  });

  it('an action run while a field holds typed text acts on that text: it commits first', async () => {
    await retype('name', 'first_conv');
    expect(editor.graph().nodes.find((n) => n.id === 'conv2d')?.name).toBe('conv2d');
    // Ctrl+E (Export) works inside text fields, as Ctrl+S and Ctrl+Enter do: the field commits before it runs.
    act(() => runAction('export'));
    expect(editor.graph().nodes.find((n) => n.id === 'conv2d')?.name).toBe('first_conv');
  });

  it('a name left blank is not kept for the next block selected', async () => {
    const { user } = await retype('name', ' ');
    await user.clear(screen.getByLabelText('name'));
    await user.tab();
    expect(screen.getByRole('alert').textContent).toMatch(/name/);
    act(() => editor.select({ nodes: ['dense'], edges: [] }));
    expect(screen.getByLabelText<HTMLInputElement>('name').value).toBe('dense');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('two renames are two undo steps', async () => {
    const { user, field } = await retype('name', 'a{Enter}');
    await user.clear(field);
    await user.type(field, 'b{Enter}');
    expect(editor.graph().nodes.find((n) => n.id === 'conv2d')?.name).toBe('b');
    act(() => editor.undo());
    expect(editor.graph().nodes.find((n) => n.id === 'conv2d')?.name).toBe('a');
  });
});
