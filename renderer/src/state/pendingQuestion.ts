import type { Store } from './createStore';

/** A question an in-app dialog shows, with the function its answer goes to. */
export type PendingQuestion<Q, A> = Q & { readonly resolve: (answer: A) => void };

/**
 * Puts the question in its store for the dialog to show; resolves with the dialog's answer, which
 * also clears the store. A question still open is answered `unanswered` first: two at once would
 * leave one promise hanging.
 */
export function askThrough<Q extends object, A>(store: Store<PendingQuestion<Q, A> | null>, question: Q, unanswered: A): Promise<A> {
  store.getState()?.resolve(unanswered);
  return new Promise((resolve) => {
    store.setState(() => ({
      ...question,
      resolve: (answer: A) => {
        store.setState(() => null);
        resolve(answer);
      },
    }));
  });
}
