// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyGraph } from '../../../shared/graph/types';
import { editor } from '../state/editorStore';
import { Palette } from './Palette';

beforeEach(() => editor.load(emptyGraph));
afterEach(cleanup);

const kinds = () => editor.graph().nodes.map((n) => n.kind);

describe('Palette', () => {
  it('adds the clicked block and selects it', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    await user.click(screen.getByRole('button', { name: 'Conv2D' }));
    expect(kinds()).toEqual(['Conv2D']);
    expect(editor.store.getState().selection.nodes).toEqual([editor.graph().nodes[0]?.id]);
  });

  it('a click while a block is selected adds the next block below it, wired', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    await user.click(screen.getByRole('button', { name: 'InputLayer' }));
    await user.click(screen.getByRole('button', { name: 'Flatten' }));
    await user.click(screen.getByRole('button', { name: 'Dense' }));
    const g = editor.graph();
    expect(g.nodes.map((n) => n.kind)).toEqual(['InputLayer', 'Flatten', 'Dense']);
    const name = (id: string) => g.nodes.find((n) => n.id === id)?.kind;
    expect(g.edges.map((e) => `${name(e.source) ?? ''} -> ${name(e.target) ?? ''}`)).toEqual(['InputLayer -> Flatten', 'Flatten -> Dense']);
    const [input, flatten] = g.nodes;
    expect(flatten?.position.y).toBeGreaterThan(input?.position.y ?? Infinity);
  });

  it('search narrows the list as you type and Enter adds the exact class', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    const search = screen.getByRole('searchbox', { name: 'Search layers' });
    await user.type(search, 'pool');
    const listed = screen
      .getAllByRole('button')
      .map((b) => b.textContent ?? '')
      .filter((t) => /Pool/.test(t));
    expect(listed).toContain('MaxPooling2D');
    expect(screen.queryByRole('button', { name: 'Dense' })).toBeNull();
    await user.clear(search);
    await user.type(search, 'dense{Enter}');
    expect(kinds()).toEqual(['Dense']);
  });

  it('says so when nothing matches, and Escape clears the search', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    const search = screen.getByRole('searchbox', { name: 'Search layers' });
    await user.type(search, 'transformer');
    expect(screen.getByText('No layer matches “transformer”.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Dense' })).toBeTruthy();
  });

  it('a family folds and unfolds from its header', async () => {
    const user = userEvent.setup();
    render(<Palette />);
    const group = screen.getByTestId('palette-group-convolution');
    const header = within(group).getAllByRole('button')[0];
    if (header === undefined) throw new Error('no header');
    expect(header.getAttribute('aria-expanded')).toBe('true');
    await user.click(header);
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(within(group).queryByRole('button', { name: 'Conv2D' })).toBeNull();
    await user.click(header);
    expect(within(group).getByRole('button', { name: 'Conv2D' })).toBeTruthy();
  });
});
