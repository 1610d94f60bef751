import type { KeyPress } from './actions';

/** A key press for shortcut tests: `press('z', { ctrl: true })`; modifiers left out are up. */
export const press = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}): KeyPress => ({
  key,
  ctrl: mods.ctrl ?? false,
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
});
