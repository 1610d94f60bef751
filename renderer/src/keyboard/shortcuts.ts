/** A key press, reduced to what shortcuts care about. */
export interface KeyPress {
  readonly key: string;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

export type ShortcutAction =
  | 'undo' | 'redo' | 'delete' | 'copy' | 'paste' | 'duplicate' | 'select-all'
  | 'auto-layout' | 'fit' | 'focus-search' | 'train' | 'save' | 'save-as' | 'open' | 'new' | 'export' | 'escape';

/**
 * UI.md's keyboard map. Ctrl and Cmd count the same. Single letters only fire outside text
 * fields (the caller checks that), so typing "a" in the inspector never lays the graph out.
 */
export function shortcutFor(k: KeyPress, inTextField: boolean): ShortcutAction | null {
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (k.ctrl && !k.alt) {
    if (key === 'z') return k.shift ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'Enter') return 'train';
    if (key === 's') return k.shift ? 'save-as' : 'save';
    if (key === 'o') return 'open';
    if (key === 'e') return 'export';
    if (inTextField) return null;
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'select-all';
    return null;
  }
  if (key === 'Escape') return 'escape';
  if (inTextField || k.alt) return null;
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (k.shift) return null;
  switch (key) {
    case 'c': return 'copy';
    case 'v': return 'paste';
    case 'd': return 'duplicate';
    case 'a': return 'auto-layout';
    case 'f': return 'fit';
    case '/': return 'focus-search';
    default: return null;
  }
}
