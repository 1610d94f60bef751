import os from 'node:os';
import path from 'node:path';

/**
 * Where recent files and the recovery file live. Electron passes its userData folder; the CLI
 * and browser mode use $BLOCKPROP_CONFIG_DIR (tests), else $XDG_CONFIG_HOME/blockprop, else
 * ~/.config/blockprop (%APPDATA%\Blockprop on Windows).
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['BLOCKPROP_CONFIG_DIR'];
  if (override !== undefined && override !== '') return path.resolve(override);
  if (process.platform === 'win32' && env['APPDATA'] !== undefined) return path.join(env['APPDATA'], 'Blockprop');
  const xdg = env['XDG_CONFIG_HOME'];
  return path.join(xdg !== undefined && xdg !== '' ? xdg : path.join(os.homedir(), '.config'), 'blockprop');
}
