// Builds everything the app and the CLI run from: node bundles with esbuild, the renderer with Vite.
// Runs on `npm install` (prepare) and `npm run build`. Entries that do not exist yet are skipped.
import { buildNodeBundle, nodeEntries } from './bundles.mjs';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

for (const entry of nodeEntries) {
  if (existsSync(entry.in)) await buildNodeBundle(root, entry);
}

if (existsSync('renderer/index.html')) {
  execFileSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
