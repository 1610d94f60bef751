import { actionForKey, type ActionId, type KeyPress } from '../../../shared/actions';

export type { KeyPress } from '../../../shared/actions';
export type ShortcutAction = ActionId;

/**
 * The app's keyboard map, read from the one action list (shared/actions.ts). Ctrl and Cmd count the
 * same. Single letters only fire outside text fields, so typing "a" in the inspector never lays
 * the graph out.
 */
export function shortcutFor(k: KeyPress, inTextField: boolean): ShortcutAction | null {
  return actionForKey(k, inTextField);
}
