import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrl: mods.ctrl ?? false,
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
});

describe('shortcutFor', () => {
  it.each([
    [press('z', { ctrl: true }), false, 'undo'],
    [press('Z', { ctrl: true, shift: true }), false, 'redo'],
    [press('Enter', { ctrl: true }), false, 'train'],
    [press('Enter', { ctrl: true }), true, 'train'],
    [press('Delete'), false, 'delete'],
    [press('a'), false, 'auto-layout'],
    [press('f'), false, 'fit'],
    [press('/'), false, 'focus-search'],
    [press('c'), false, 'copy'],
    [press('v'), false, 'paste'],
    [press('d'), false, 'duplicate'],
    [press('s', { ctrl: true }), true, 'save'],
  ] as const)('%o (text field: %s) -> %s', (k, inText, action) => {
    expect(shortcutFor(k, inText)).toBe(action);
  });

  it.each([
    [press('a'), true],
    [press('Delete'), true],
    [press('c', { ctrl: true }), true],
    [press('x'), false],
  ] as const)('%o (text field: %s) does nothing', (k, inText) => {
    expect(shortcutFor(k, inText)).toBeNull();
  });
});
