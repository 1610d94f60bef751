// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/api/contract';
import { appInfoStore } from '../host/appInfo';
import { openDialog, uiStore } from '../state/uiStore';
import { AboutDialog } from './AboutDialog';

/* Help → About shows what main said about itself at start (app.info). */

const web: AppInfo = {
  name: 'Blockprop',
  version: '1.4.0',
  mode: 'web',
  nativeDialogs: false,
  platform: 'linux',
  versions: { node: '22.3.0', electron: null, chrome: null },
  backends: {
    default: 'cpu',
    available: [
      { name: 'cpu', available: true },
      { name: 'wasm', available: true },
      { name: 'tensorflow', available: false, reason: 'not installed' },
    ],
  },
  configDir: '/home/ada/.config/blockprop',
};
const desktop: AppInfo = { ...web, mode: 'electron', nativeDialogs: true, versions: { node: '22.3.0', electron: '38.1.0', chrome: '140' } };

/** The value shown under a heading of the About list. */
const entry = (heading: string): string => screen.getByText(heading).nextElementSibling?.textContent ?? '';

beforeEach(() => openDialog('about'));
afterEach(cleanup);

describe('AboutDialog', () => {
  it.each([
    ['browser mode', web, 'browser mode (blockprop web)'],
    ['the desktop app', desktop, 'desktop app (Electron 38.1.0)'],
  ])('in %s shows the version, how it runs, the engines on offer and the settings folder', (_label, info, runningAs) => {
    appInfoStore.setState(() => info);
    render(<AboutDialog />);
    expect(screen.getByTestId('about-version').textContent).toBe('1.4.0');
    expect(entry('Running as')).toBe(runningAs);
    // Only the engines that can run here are offered.
    expect(entry('Training engine')).toBe('cpu by default; available: cpu, wasm');
    expect(entry('Node')).toBe('22.3.0');
    expect(entry('Settings folder')).toBe('/home/ada/.config/blockprop');
  });

  it('waits with an ellipsis until main has answered, and Escape closes it', async () => {
    appInfoStore.setState(() => null);
    render(<AboutDialog />);
    expect(screen.getByTestId('about-version').textContent).toBe('…');
    expect(entry('Running as')).toBe('…');
    await userEvent.setup().keyboard('{Escape}');
    expect(uiStore.getState().dialog).toBeNull();
  });
});
