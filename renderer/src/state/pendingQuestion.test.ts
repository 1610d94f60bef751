import { describe, expect, it } from 'vitest';
import { createStore } from './createStore';
import { askThrough, type PendingQuestion } from './pendingQuestion';

describe('askThrough', () => {
  it('shows the question until it is answered, then clears it', async () => {
    const store = createStore<PendingQuestion<{ title: string }, number> | null>(null);
    const answer = askThrough(store, { title: 'How many?' }, 0);
    expect(store.getState()?.title).toBe('How many?');
    store.getState()?.resolve(3);
    expect(store.getState()).toBeNull();
    await expect(answer).resolves.toBe(3);
  });

  it('answers a question still open with the unanswered value before showing the next', async () => {
    const store = createStore<PendingQuestion<{ title: string }, string | null> | null>(null);
    const first = askThrough(store, { title: 'first' }, null);
    const second = askThrough(store, { title: 'second' }, null);
    await expect(first).resolves.toBeNull();
    expect(store.getState()?.title).toBe('second');
    store.getState()?.resolve('yes');
    await expect(second).resolves.toBe('yes');
  });
});
