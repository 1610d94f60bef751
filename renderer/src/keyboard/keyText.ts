import { actionSpec, chordText, type ActionId } from '../../../shared/actions';

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The keys of an action as this platform prints them ("Ctrl+Shift+S" / "⌘⇧S"), each of them. */
export function keysText(id: ActionId): string[] {
  return (actionSpec(id).keys ?? []).map((k) => chordText(k, isMac));
}

/** The first key of an action, or undefined when it has none: what menus and tooltips show. */
export function keyText(id: ActionId): string | undefined {
  return keysText(id)[0];
}

/** "Undo (Ctrl+Z)": a button's tooltip from the action list. */
export function titleWithKey(id: ActionId, label: string = actionSpec(id).label): string {
  const key = keyText(id);
  return key === undefined ? label : `${label} (${key})`;
}
