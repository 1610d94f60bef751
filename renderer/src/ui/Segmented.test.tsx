// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Segmented } from './Segmented';

afterEach(cleanup);

const segments = [
  { value: 'a', label: 'Alpha', testId: 'seg-a' },
  { value: 'b', label: 'Beta', title: 'The second', disabled: true },
  { value: 'c', label: 'Gamma' },
] as const;

describe('Segmented', () => {
  it.each([
    ['tablist', 'tab', 'aria-selected'],
    ['radiogroup', 'radio', 'aria-checked'],
  ] as const)('as a %s its buttons are %ss marked with %s', (role, buttonRole, mark) => {
    render(<Segmented role={role} label="Choice" segments={segments} value="c" onChange={() => undefined} />);
    expect(screen.getByRole(role, { name: 'Choice' }).className).toBe('segmented');
    const buttons = screen.getAllByRole(buttonRole);
    expect(buttons.map((b) => b.getAttribute(mark))).toEqual(['false', 'false', 'true']);
  });

  it('without a role: plain buttons, the chosen one highlighted, title, disabled and test id passed on', () => {
    const { container } = render(<Segmented small className="extra" segments={segments} value="a" onChange={() => undefined} />);
    const group = container.firstElementChild;
    expect(group?.className).toBe('segmented small extra');
    expect(group?.hasAttribute('role')).toBe(false);
    const [a, b, c] = screen.getAllByRole('button');
    expect(a?.className).toBe('seg active');
    expect(a?.dataset.testid).toBe('seg-a');
    expect(a?.hasAttribute('aria-selected') || a?.hasAttribute('aria-checked')).toBe(false);
    expect(b?.className).toBe('seg');
    expect(b?.getAttribute('title')).toBe('The second');
    expect(b?.hasAttribute('disabled')).toBe(true);
    expect(c?.hasAttribute('title')).toBe(false);
  });

  it('answers a click with the segment’s value', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<Segmented segments={segments} value="a" onChange={(v) => picked.push(v)} />);
    await user.click(screen.getByRole('button', { name: 'Gamma' }));
    await user.click(screen.getByRole('button', { name: 'Beta' }));
    expect(picked).toEqual(['c']);
  });
});
