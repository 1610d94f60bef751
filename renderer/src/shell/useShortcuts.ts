import { useLayoutEffect } from 'react';
import { runAction } from '../actions/appActions';
import { shortcutFor } from '../keyboard/shortcuts';
import { uiStore } from '../state/uiStore';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}

/**
 * The window-wide keyboard map, from the one action list (shared/actions.ts). It runs the app's
 * actions, so it is wired here in the shell; keyboard/ keeps the key texts that ui/ shows.
 */
export function useShortcuts(): void {
  // A layout effect: the keys work from the first painted frame, not one frame later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey }, isTextField(e.target));
      if (action === null) return;
      // While a dialog is open only Escape and the command palette's own key pass.
      if (uiStore.getState().dialog !== null && action !== 'escape' && action !== 'command-palette') return;
      if (action === 'escape' && isTextField(e.target)) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
