// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { useDraftField } from './useDraftField';

afterEach(cleanup);

/** Any finite number: a half-typed "1e" is not one, and a half-typed "1" is a different value from "1e9". */
function checkNumber(text: string): Outcome<number> {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? failure(`“${text}” is not a number.`) : success(n);
}

function Field({ value, onCommit }: { value: number; onCommit: (v: number) => void }) {
  const { error, inputProps } = useDraftField({ shown: String(value), check: checkNumber, format: String, onCommit });
  return (
    <>
      <input aria-label="units" {...inputProps} />
      <button type="button">elsewhere</button>
      {error !== null && <div role="alert">{error}</div>}
    </>
  );
}

function setup(value = 32) {
  const user = userEvent.setup();
  const onCommit = vi.fn<(v: number) => void>();
  const view = render(<Field value={value} onCommit={onCommit} />);
  const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'units' });
  return { user, onCommit, input, rerender: (v: number) => view.rerender(<Field value={v} onCommit={onCommit} />) };
}

describe('useDraftField', () => {
  it('commits nothing while typing, then the whole number on Enter', async () => {
    const { user, onCommit, input } = setup();
    await user.clear(input);
    await user.type(input, '1e9');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('1e9');
    await user.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith(1e9);
    expect(input.value).toBe('1000000000');
  });

  it('commits when the field loses focus, and not again for an unchanged value', async () => {
    const { user, onCommit, input } = setup();
    await user.clear(input);
    await user.type(input, '64');
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(64);
    onCommit.mockClear();
    await user.click(input);
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('shows why an invalid text is not a value and commits nothing', async () => {
    const { user, onCommit, input } = setup();
    await user.clear(input);
    await user.type(input, '3x');
    expect(screen.getByRole('alert').textContent).toBe('“3x” is not a number.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Enter}');
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.value).toBe('3x');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('puts the committed value back on Escape', async () => {
    const { user, onCommit, input } = setup();
    await user.clear(input);
    await user.type(input, '7q');
    await user.keyboard('{Escape}');
    expect(input.value).toBe('32');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('follows the committed value when it changes from elsewhere (undo, another block)', async () => {
    const { user, input, rerender } = setup();
    rerender(16);
    expect(input.value).toBe('16');
    // An invalid draft that was reverted does not stop the next outside change.
    await user.clear(input);
    await user.type(input, 'x');
    await user.keyboard('{Escape}');
    rerender(8);
    expect(input.value).toBe('8');
  });

  it('a text left invalid when the field loses focus gives way to an outside change', async () => {
    const { user, input, rerender } = setup();
    await user.clear(input);
    await user.type(input, 'x');
    await user.tab();
    expect(input.value).toBe('x');
    rerender(16);
    expect(input.value).toBe('16');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
