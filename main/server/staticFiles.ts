import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a URL path inside `root`, or null when it would escape it ('..', encoded slashes,
 * NUL bytes). '/' is index.html.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

export async function readStatic(root: string, urlPath: string): Promise<{ file: string; body: Buffer } | null> {
  const file = resolveStatic(root, urlPath);
  if (file === null) return null;
  try {
    const s = await stat(file);
    if (!s.isFile()) return null;
    return { file, body: await readFile(file) };
  } catch {
    return null;
  }
}

/** Shown when dist/renderer is missing: says how to build it instead of a bare 404. */
export const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blockprop</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
<h1>Blockprop's window is not built yet</h1>
<p>Run <code>npm run build</code> in the Blockprop folder, then reload this page.</p>
</body></html>`;
