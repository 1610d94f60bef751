/**
 * Every user action of the app, declared once: its id, its label, the keys that run it and where
 * the menus show it. The Electron menu (main/electron/menu.ts), the browser's File menu, the
 * page's keyboard handler, the shortcuts dialog and the command palette are all built from this
 * list; what an action *does* is the renderer's (renderer/src/actions/appActions.ts), keyed by the
 * same ids, so a command behaves the same from wherever it comes. Pure data, no DOM.
 */

export type ActionGroup = 'File' | 'Edit' | 'View' | 'Model' | 'Help';

/** One key combination. `mod` is Ctrl, or Cmd on macOS. `key` is KeyboardEvent.key (letters lower-case). */
export interface KeyChord {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface ActionSpec {
  readonly id: string;
  /** As menus and the command palette show it ("Save As…"). */
  readonly label: string;
  readonly group: ActionGroup;
  /** The keys that run it; the first is the one menus and dialogs show. */
  readonly keys?: readonly KeyChord[];
  /** The keys work while a text field has focus too (Ctrl+S while typing a name). */
  readonly inTextFields?: boolean;
  /** Electron registers the key in the native menu (file commands); otherwise the page handles it. */
  readonly nativeKey?: boolean;
  /** Left out of the command palette (Escape). */
  readonly hidden?: boolean;
  /** A few words for the command palette and the shortcuts dialog. */
  readonly hint?: string;
}

const mod = (key: string, extra: { shift?: boolean; alt?: boolean } = {}): KeyChord => ({ key, mod: true, ...extra });
const plain = (key: string): KeyChord => ({ key });

export const actionSpecs = [
  { id: 'new', label: 'New', group: 'File', keys: [mod('n')], nativeKey: true, hint: 'an empty canvas' },
  {
    id: 'new-from-template',
    label: 'New from Template…',
    group: 'File',
    keys: [mod('n', { shift: true })],
    nativeKey: true,
    hint: 'the chapter’s models, Keras Applications',
  },
  { id: 'open', label: 'Open…', group: 'File', keys: [mod('o')], inTextFields: true, nativeKey: true },
  { id: 'open-recent', label: 'Open Recent…', group: 'File' },
  { id: 'save', label: 'Save', group: 'File', keys: [mod('s')], inTextFields: true, nativeKey: true },
  { id: 'save-as', label: 'Save As…', group: 'File', keys: [mod('s', { shift: true })], inTextFields: true, nativeKey: true },
  { id: 'import', label: 'Import Keras / TF.js JSON…', group: 'File', keys: [mod('i')], inTextFields: true, nativeKey: true },
  { id: 'export', label: 'Export…', group: 'File', keys: [mod('e')], inTextFields: true, nativeKey: true, hint: 'Keras JSON, Python, .keras, TF.js, PNG, SVG' },
  { id: 'undo', label: 'Undo', group: 'Edit', keys: [mod('z')] },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: [mod('z', { shift: true }), mod('y')] },
  { id: 'cut', label: 'Cut', group: 'Edit', keys: [mod('x')] },
  { id: 'copy', label: 'Copy', group: 'Edit', keys: [mod('c'), plain('c')] },
  { id: 'paste', label: 'Paste', group: 'Edit', keys: [mod('v'), plain('v')] },
  { id: 'duplicate', label: 'Duplicate', group: 'Edit', keys: [mod('d'), plain('d')] },
  { id: 'delete', label: 'Delete', group: 'Edit', keys: [plain('Delete'), plain('Backspace')], hint: 'the selected blocks or wires' },
  { id: 'select-all', label: 'Select All', group: 'Edit', keys: [mod('a')] },
  { id: 'auto-layout', label: 'Auto Layout', group: 'Edit', keys: [plain('a')], hint: 'top to bottom, branches side by side' },
  { id: 'zoom-in', label: 'Zoom In', group: 'View', keys: [mod('=')] },
  { id: 'zoom-out', label: 'Zoom Out', group: 'View', keys: [mod('-')] },
  { id: 'fit', label: 'Fit', group: 'View', keys: [plain('f')], hint: 'the whole model on screen' },
  {
    id: 'toggle-groups',
    label: 'Collapse / Expand Repeated Blocks',
    group: 'View',
    keys: [plain('g')],
    hint: 'ResNet stages, Inception modules as group blocks',
  },
  { id: 'toggle-minimap', label: 'Minimap', group: 'View' },
  { id: 'toggle-dark-mode', label: 'Dark Mode', group: 'View' },
  { id: 'focus-search', label: 'Search Layers', group: 'View', keys: [plain('/')], hint: 'the palette’s search field' },
  {
    id: 'command-palette',
    label: 'Command Palette…',
    group: 'View',
    keys: [mod('p', { shift: true }), mod('k')],
    inTextFields: true,
    hint: 'every action by name',
  },
  { id: 'show-summary', label: 'Show Summary', group: 'View', hint: 'model.summary()' },
  { id: 'show-problems', label: 'Show Problems', group: 'View' },
  { id: 'show-train', label: 'Show Train', group: 'View' },
  { id: 'show-inspect', label: 'Show Inspect', group: 'View', hint: 'feature maps, kernels, confusion matrix' },
  { id: 'show-runs', label: 'Show Runs', group: 'View' },
  { id: 'train', label: 'Train / Stop', group: 'Model', keys: [mod('Enter')], inTextFields: true, hint: 'with the Train tab’s settings' },
  { id: 'lesson', label: 'Guided Lesson', group: 'Help', hint: 'the chapter, step by step' },
  { id: 'shortcuts', label: 'Keyboard Shortcuts', group: 'Help', keys: [mod('/')] },
  { id: 'about', label: 'About Blockprop', group: 'Help' },
  { id: 'escape', label: 'Close / Deselect', group: 'Edit', keys: [plain('Escape')], hidden: true },
] as const satisfies readonly ActionSpec[];

export type ActionId = (typeof actionSpecs)[number]['id'];

/** The list with each entry seen as a plain ActionSpec (optional fields readable on every one). */
export const allActions: readonly (ActionSpec & { readonly id: ActionId })[] = actionSpecs;

export const actionIds: readonly ActionId[] = actionSpecs.map((a) => a.id);

export function actionSpec(id: ActionId): ActionSpec & { readonly id: ActionId } {
  const spec = allActions.find((a) => a.id === id);
  if (spec === undefined) throw new Error(`unknown action ${id}`); // a programmer's typo: ids are typed
  return spec;
}

/** A key press, reduced to what shortcuts care about (`ctrl`: Ctrl or Cmd). */
export interface KeyPress {
  readonly key: string;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

function matches(chord: KeyChord, press: KeyPress): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  // Shift+letter arrives upper-case and Ctrl+Shift+/ may arrive as '?': compare letters case-free and
  // let a chord without shift ignore a shift that only changed the character of a symbol key.
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  return (
    key === chord.key &&
    press.ctrl === (chord.mod === true) &&
    press.alt === (chord.alt === true) &&
    (press.shift === (chord.shift === true) || (symbol && chord.shift !== true && !press.ctrl))
  );
}

/**
 * The action a key press runs, or null. Keys without Ctrl/Cmd (A, F, /, Delete) never fire while
 * a text field has focus, so typing "a" in a field never lays the graph out; Ctrl/Cmd keys fire
 * there only for actions marked `inTextFields` (the field keeps its own copy, paste and undo).
 */
export function actionForKey(press: KeyPress, inTextField: boolean): ActionId | null {
  for (const spec of allActions) {
    if (spec.keys === undefined) continue;
    if (inTextField && spec.inTextFields !== true && spec.id !== 'escape') continue;
    if (spec.keys.some((chord) => matches(chord, press))) return spec.id;
  }
  return null;
}

const keyNames: Readonly<Record<string, string>> = { Enter: 'Enter', Delete: 'Delete', Backspace: 'Backspace', Escape: 'Esc', '=': '=', '-': '-', '/': '/' };

/** How a chord is printed: "Ctrl+Shift+S", or "⌘⇧S" on macOS. */
export function chordText(chord: KeyChord, mac: boolean): string {
  const key = keyNames[chord.key] ?? chord.key.toUpperCase();
  if (mac) return `${chord.mod === true ? '⌘' : ''}${chord.alt === true ? '⌥' : ''}${chord.shift === true ? '⇧' : ''}${key}`;
  return [chord.mod === true ? 'Ctrl' : null, chord.alt === true ? 'Alt' : null, chord.shift === true ? 'Shift' : null, key]
    .filter((p) => p !== null)
    .join('+');
}

/** Electron's accelerator string for a chord ("CmdOrCtrl+Shift+S"). */
export function electronAccelerator(chord: KeyChord): string {
  const key = chord.key === '=' ? 'Plus' : chord.key === '-' ? '-' : chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod === true ? 'CmdOrCtrl' : null, chord.alt === true ? 'Alt' : null, chord.shift === true ? 'Shift' : null, key]
    .filter((p) => p !== null)
    .join('+');
}

/** What a menu lists: actions, separators, and the few items that are not actions (recent files, quit). */
export type MenuEntry = ActionId | '-' | 'recent-files' | 'quit' | 'fullscreen' | 'devtools' | 'layers-reference';

/** The menu bar, in order; the browser's File menu shows the File entries of the same list. */
export const menuBar: readonly { readonly label: ActionGroup; readonly entries: readonly MenuEntry[] }[] = [
  { label: 'File', entries: ['new', 'new-from-template', '-', 'open', 'recent-files', '-', 'save', 'save-as', '-', 'import', 'export', '-', 'quit'] },
  { label: 'Edit', entries: ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'duplicate', 'delete', '-', 'select-all', 'auto-layout'] },
  {
    label: 'View',
    entries: ['command-palette', '-', 'zoom-in', 'zoom-out', 'fit', 'toggle-groups', '-', 'toggle-minimap', 'toggle-dark-mode', '-', 'fullscreen', 'devtools'],
  },
  { label: 'Help', entries: ['lesson', 'shortcuts', 'layers-reference', '-', 'about'] },
];

/** Commands main sends to the page that are not user actions of their own. */
export const extraMenuCommands = ['save-and-close'] as const;
