// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildChain } from '../../../shared/graph/fromSpec';
import { getTemplate } from '../../../shared/templates';
import { editor } from '../state/editorStore';
import { uiStore } from '../state/uiStore';
import { Dock } from './Dock';

beforeAll(() => {
  // jsdom has no pointer capture; the resize handle only needs the calls to exist.
  if (typeof Element.prototype.setPointerCapture !== 'function') Element.prototype.setPointerCapture = () => undefined;
  if (typeof Element.prototype.releasePointerCapture !== 'function') Element.prototype.releasePointerCapture = () => undefined;
});

beforeEach(() => {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  editor.load(t.build());
  uiStore.setState((s) => ({ ...s, dockTab: 'summary', dockOpen: true, dockHeight: 240 }));
});
afterEach(cleanup);

describe('Dock', () => {
  it('opens on the Keras summary of the model', () => {
    render(<Dock />);
    expect(screen.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    // As Keras prints a Sequential: every layer but the InputLayer.
    expect(
      within(panel)
        .getAllByTestId('summary-row')
        .map((r) => r.firstElementChild?.textContent),
    ).toEqual([
      'conv2d (Conv2D)',
      'conv2d_1 (Conv2D)',
      'max_pooling2d (MaxPooling2D)',
      'dropout (Dropout)',
      'flatten (Flatten)',
      'dense (Dense)',
      'dropout_1 (Dropout)',
      'dense_1 (Dense)',
    ]);
    expect(within(panel).getByTestId('total-params').textContent).toContain('1,199,882');
  });

  it('a click on a summary row selects its block', async () => {
    const user = userEvent.setup();
    render(<Dock />);
    await user.click(screen.getByText('dense_1 (Dense)'));
    expect(editor.store.getState().selection.nodes).toEqual(['dense_1']);
  });

  it('the Problems tab counts problems and a click on one selects its block', async () => {
    const user = userEvent.setup();
    // A Dense with nothing feeding it: no InputLayer in the model, and nothing wired into the Dense.
    editor.load(buildChain('broken', [{ name: 'dense', kind: 'Dense', params: { units: 4 } }]));
    render(<Dock />);
    const tab = screen.getByRole('tab', { name: /Problems/ });
    expect(within(tab).getByTestId('problems-count').textContent).toBe('2');
    await user.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getAllByTestId('diagnostic')).toHaveLength(2);
    // Only the problem pinned to a block is a link to it.
    const problem = within(panel).getByRole('button');
    expect(problem.textContent).toBe("Dense 'dense' has no input; wire a block into it (every layer must be fed, starting from an InputLayer).");
    await user.click(problem);
    expect(editor.store.getState().selection.nodes).toEqual(['dense']);
  });

  it('a valid model has no problems to list', async () => {
    const user = userEvent.setup();
    render(<Dock />);
    await user.click(screen.getByRole('tab', { name: 'Problems' }));
    expect(screen.getByTestId('no-problems').textContent).toBe('No problems: Keras would build this model.');
  });

  it('clicking the open tab folds the panel away; any tab brings it back', async () => {
    const user = userEvent.setup();
    render(<Dock />);
    await user.click(screen.getByRole('tab', { name: 'Summary' }));
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show the panel' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Problems' }));
    expect(screen.getByRole('tabpanel')).toBeTruthy();
  });

  it('dragging the handle up makes the panel taller', async () => {
    const user = userEvent.setup();
    render(<Dock />);
    const handle = screen.getByRole('separator', { name: 'Resize the panel' });
    await user.pointer([
      { keys: '[MouseLeft>]', target: handle, coords: { clientY: 500 } },
      { target: handle, coords: { clientY: 400 } },
      { keys: '[/MouseLeft]', target: handle },
    ]);
    expect(screen.getByTestId('dock').style.height).toBe('340px');
  });
});
