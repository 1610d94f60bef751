import { createStore, useStore } from './createStore';

export type Theme = 'dark' | 'light';
export type DockTabId = 'summary' | 'problems' | 'train' | 'inspect' | 'runs';
export type DialogId = 'open' | 'save-as' | 'export' | 'import' | 'templates' | 'shortcuts' | 'recent' | 'commands' | 'about';

export interface UiState {
  readonly theme: Theme;
  readonly minimap: boolean;
  readonly dockTab: DockTabId;
  readonly dockHeight: number;
  readonly dockOpen: boolean;
  readonly dialog: DialogId | null;
  /** Big models: repeated structure (ResNet stages, Inception modules) drawn as group blocks. */
  readonly groups: boolean;
}

const themeKey = 'blockprop.theme';
const dockKey = 'blockprop.dockHeight';

/** The dock height the person last dragged it to, if any (remembered across sessions). */
export function rememberedDockHeight(): number | null {
  try {
    const n = Number(localStorage.getItem(dockKey));
    return Number.isFinite(n) && n >= 120 ? n : null;
  } catch {
    return null;
  }
}

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(themeKey);
    if (saved === 'dark' || saved === 'light') return saved;
    return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** View state that is not part of the model: theme, panels, which dialog is open. */
export const uiStore = createStore<UiState>({
  theme: initialTheme(),
  minimap: true,
  dockTab: 'summary',
  dockHeight: rememberedDockHeight() ?? 240,
  dockOpen: true,
  dialog: null,
  groups: true,
});

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}

export function setTheme(theme: Theme): void {
  uiStore.setState((s) => ({ ...s, theme }));
  try {
    localStorage.setItem(themeKey, theme);
  } catch {
    /* private mode: the theme just is not remembered */
  }
}

export function toggleTheme(): void {
  setTheme(uiStore.getState().theme === 'dark' ? 'light' : 'dark');
}

export function toggleGroups(): void {
  uiStore.setState((s) => ({ ...s, groups: !s.groups }));
}

export function toggleMinimap(): void {
  uiStore.setState((s) => ({ ...s, minimap: !s.minimap }));
}

export function showDockTab(dockTab: DockTabId): void {
  uiStore.setState((s) => ({ ...s, dockTab, dockOpen: true }));
}

export function setDockHeight(dockHeight: number, remember = false): void {
  uiStore.setState((s) => ({ ...s, dockHeight: Math.round(Math.min(Math.max(dockHeight, 120), window.innerHeight * 0.7)) }));
  if (!remember) return;
  try {
    localStorage.setItem(dockKey, String(uiStore.getState().dockHeight));
  } catch {
    /* private mode: not remembered */
  }
}

export function toggleDock(): void {
  uiStore.setState((s) => ({ ...s, dockOpen: !s.dockOpen }));
}

export function openDialog(dialog: DialogId | null): void {
  uiStore.setState((s) => ({ ...s, dialog }));
}
