import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';

/** Which group blocks are expanded in place. Each opened model starts with all of them collapsed. */
export const expandedStore = createStore<ReadonlySet<string>>(new Set());

export function useExpanded(): ReadonlySet<string> {
  return useStore(expandedStore, (s) => s);
}

export function setExpanded(ids: Iterable<string>, open: boolean): void {
  expandedStore.setState((s) => {
    const next = new Set(s);
    for (const id of ids) {
      if (open) next.add(id);
      else next.delete(id);
    }
    return next;
  });
}

let document = editor.store.getState().document;
editor.store.subscribe(() => {
  const next = editor.store.getState().document;
  if (next === document) return;
  document = next;
  expandedStore.setState(() => new Set());
});
