import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';
import { secureWebPreferences } from './security';

const root = path.resolve(__dirname, '..', '..');

function labels(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [i.label ?? i.type ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
}

describe('the packaged app', () => {
  it("flips Electron's fuses in electron-builder.yml", () => {
    const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const block = yml.slice(yml.indexOf('electronFuses:'));
    for (const [fuse, value] of [
      ['runAsNode', 'false'],
      ['enableNodeOptionsEnvironmentVariable', 'false'],
      ['enableNodeCliInspectArguments', 'false'],
      ['enableEmbeddedAsarIntegrityValidation', 'true'],
      ['onlyLoadAppFromAsar', 'true'],
    ]) {
      expect(block).toMatch(new RegExp(`\\n  ${fuse}: ${value}\\n`));
    }
  });

  it('has no Developer Tools: not in the menu, not in the window', () => {
    const options = {
      platform: 'linux' as const,
      recent: [],
      darkMode: false,
      minimap: true,
      send: () => undefined,
      quit: () => undefined,
      openExternal: () => undefined,
    };
    expect(labels(buildMenuTemplate(options))).toContain('Developer Tools');
    const packaged = buildMenuTemplate({ ...options, packaged: true });
    expect(labels(packaged)).not.toContain('Developer Tools');
    for (const menu of packaged) {
      const items = Array.isArray(menu.submenu) ? menu.submenu : [];
      expect(items.at(-1)?.type).not.toBe('separator');
      expect(items.some((item, i) => item.type === 'separator' && items[i + 1]?.type === 'separator')).toBe(false);
    }
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs').devTools).toBe(true);
  });
});
