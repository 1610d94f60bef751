import { describe, expect, it } from 'vitest';
import { initHistory, pushHistory, redoHistory, undoHistory } from './history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = initHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    h = undoHistory(h);
    expect(h.present).toBe('b');
    h = undoHistory(h);
    expect(h.present).toBe('a');
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(h);
    expect(h.present).toBe('b');
  });

  it('drops the redo branch on a new edit', () => {
    let h = pushHistory(pushHistory(initHistory(1), 2), 3);
    h = pushHistory(undoHistory(h), 4);
    expect(h.future).toEqual([]);
    expect(redoHistory(h)).toBe(h);
    expect(h.past).toEqual([1, 2]);
  });

  it('ignores a no-op edit and caps its length', () => {
    const h0 = initHistory(0);
    expect(pushHistory(h0, 0)).toBe(h0);
    let h = h0;
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });
});
