/**
 * The folder the in-app file dialog used last, remembered for the browser profile: the next dialog
 * starts there (else in the home folder — never the server's working directory, which is where
 * `npm start` happened to run).
 */
const key = 'blockprop.lastFolder';

export function lastFolder(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function rememberFolder(dir: string): void {
  try {
    localStorage.setItem(key, dir);
  } catch {
    /* private mode: the folder just is not remembered */
  }
}

/** The folder part of a path ("/a/b/c.json" -> "/a/b"), or null for a bare name. */
export function folderOf(path: string, sep: string): string | null {
  const cut = Math.max(path.lastIndexOf('/'), sep === '\\' ? path.lastIndexOf('\\') : -1);
  if (cut < 0) return null;
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}
