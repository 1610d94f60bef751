import type { Family } from '../../../shared/layers/types';
import type { Theme } from '../state/uiStore';

export interface ThemeTokens {
  readonly bg: string;
  readonly panel: string;
  readonly panel2: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
  readonly accentText: string;
  readonly error: string;
  readonly warning: string;
  /** Text on an error / warning fill (badges, counts). */
  readonly onError: string;
  readonly onWarning: string;
  readonly canvas: string;
  readonly dots: string;
  readonly block: string;
  readonly wire: string;
  readonly wireLabel: string;
  readonly path: string;
  readonly families: Readonly<Record<Family, string>>;
}

/**
 * The colours of both themes, defined once: the CSS reads them as variables (applyTheme) and
 * the SVG/PNG diagram export writes them literally. Text colours meet WCAG AA (≥ 4.5:1) on
 * their panels; family colours are used for stripes and swatches, never for text.
 */
export const themes: Readonly<Record<Theme, ThemeTokens>> = {
  dark: {
    bg: '#121418',
    panel: '#1a1d23',
    panel2: '#22262e',
    border: '#323843',
    text: '#e8eaee',
    muted: '#a3acb9',
    accent: '#6ea8ff',
    accentText: '#0b1220',
    error: '#ff7b72',
    warning: '#e3b341',
    onError: '#1a0000',
    onWarning: '#1a1200',
    canvas: '#0f1115',
    dots: '#2a2f38',
    block: '#1d2128',
    wire: '#7d8796',
    wireLabel: '#c9d1dc',
    path: '#6ea8ff',
    families: {
      input: '#4c8dff',
      convolution: '#f0883e',
      pooling: '#d4a72c',
      core: '#a371f7',
      regularization: '#8b949e',
      normalization: '#3fb9a8',
      activation: '#e5609a',
      merge: '#4fbf67',
    },
  },
  light: {
    bg: '#eef0f3',
    panel: '#ffffff',
    panel2: '#f3f5f8',
    border: '#d3d8df',
    text: '#1b1f24',
    muted: '#55606e',
    accent: '#1f6feb',
    accentText: '#ffffff',
    error: '#c4312b',
    warning: '#9a6200',
    onError: '#ffffff',
    onWarning: '#ffffff',
    canvas: '#f8f9fb',
    dots: '#d5dae1',
    block: '#ffffff',
    wire: '#8893a2',
    wireLabel: '#3b4450',
    path: '#1f6feb',
    families: {
      input: '#2f6fe0',
      convolution: '#e0711f',
      pooling: '#c29200',
      core: '#8a55e6',
      regularization: '#75808c',
      normalization: '#1f9d8c',
      activation: '#d4427f',
      merge: '#2f9e4a',
    },
  },
};

/** Sets the theme's colours as CSS variables on the document. */
export function applyTheme(theme: Theme): void {
  const t = themes[theme];
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  const vars: [string, string][] = [
    ['bg', t.bg],
    ['panel', t.panel],
    ['panel-2', t.panel2],
    ['border', t.border],
    ['text', t.text],
    ['muted', t.muted],
    ['accent', t.accent],
    ['accent-text', t.accentText],
    ['error', t.error],
    ['warning', t.warning],
    ['on-error', t.onError],
    ['on-warning', t.onWarning],
    ['canvas', t.canvas],
    ['dots', t.dots],
    ['block', t.block],
    ['wire', t.wire],
    ['wire-label', t.wireLabel],
    ['path', t.path],
  ];
  for (const [k, v] of vars) root.style.setProperty(`--${k}`, v);
  for (const [family, colour] of Object.entries(t.families)) root.style.setProperty(`--family-${family}`, colour);
}
