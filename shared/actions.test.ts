import { describe, expect, it } from 'vitest';
import { actionForKey, actionIds, allActions, chordText, electronAccelerator, menuBar } from './actions';
import { press } from './keyPress.test-util';

describe('the action list', () => {
  it('declares each id once, and every menu entry that is an action exists', () => {
    expect(new Set(actionIds).size).toBe(actionIds.length);
    const ids = new Set<string>(actionIds);
    const special = new Set(['-', 'recent-files', 'quit', 'fullscreen', 'devtools', 'layers-reference']);
    for (const menu of menuBar) for (const e of menu.entries) expect(special.has(e) || ids.has(e)).toBe(true);
  });

  it('gives no two actions the same key', () => {
    const seen = new Map<string, string>();
    for (const a of allActions) {
      for (const k of a.keys ?? []) {
        const text = chordText(k, false);
        expect(seen.get(text), `${text} is bound to ${seen.get(text) ?? ''} and ${a.id}`).toBeUndefined();
        seen.set(text, a.id);
      }
    }
  });

  it.each([
    [press('p', { ctrl: true, shift: true }), true, 'command-palette'],
    [press('P', { ctrl: true, shift: true }), false, 'command-palette'],
    [press('k', { ctrl: true }), false, 'command-palette'],
    [press('=', { ctrl: true }), false, 'zoom-in'],
    [press('/', { ctrl: true }), false, 'shortcuts'],
    [press('y', { ctrl: true }), false, 'redo'],
    [press('z', { ctrl: true }), true, null],
    [press('g'), false, 'toggle-groups'],
    [press('Escape'), true, 'escape'],
  ] as const)('%o (text field: %s) -> %s', (k, inText, id) => {
    expect(actionForKey(k, inText)).toBe(id);
  });

  it('prints chords for each platform and for Electron', () => {
    expect(chordText({ key: 's', mod: true, shift: true }, false)).toBe('Ctrl+Shift+S');
    expect(chordText({ key: 's', mod: true, shift: true }, true)).toBe('⌘⇧S');
    expect(electronAccelerator({ key: 's', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+S');
    expect(electronAccelerator({ key: '=', mod: true })).toBe('CmdOrCtrl+Plus');
    expect(electronAccelerator({ key: 'Delete' })).toBe('Delete');
  });
});
