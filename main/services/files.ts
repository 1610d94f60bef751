import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok } from '../../shared/api/result';
import { describeFsError, errnoCode } from './fsErrors';

const MAX_ENTRIES = 5000;

/** Folder listings for the in-app file dialog used in browser mode (no native dialogs there). */
export function createFileService() {
  return {
    home(): ResultOf<'fs.home'> {
      return ok({ home: os.homedir(), cwd: process.cwd(), sep: path.sep });
    },
    async list(request: ParsedRequestOf<'fs.list'>): Promise<ResultOf<'fs.list'>> {
      const dir = path.resolve(request.dir);
      const extensions = request.extensions?.map((e) => e.toLowerCase().replace(/^\./, ''));
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        const code = errnoCode(error);
        return fail(code === 'ENOENT' ? 'not-found' : 'io-error', describeFsError(error, 'list', dir));
      }
      const entries = [];
      for (const name of names) {
        if (!request.showHidden && name.startsWith('.')) continue;
        const full = path.join(dir, name);
        const s = await stat(full).catch(() => null); // broken links and unreadable entries are skipped
        if (s === null || !(s.isDirectory() || s.isFile())) continue;
        const kind = s.isDirectory() ? ('dir' as const) : ('file' as const);
        if (kind === 'file' && extensions !== undefined && extensions.length > 0 && !extensions.some((e) => name.toLowerCase().endsWith('.' + e))) continue;
        entries.push({ name, path: full, kind, size: s.size, modifiedMs: s.mtimeMs });
        if (entries.length >= MAX_ENTRIES) break;
      }
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(dir);
      return ok({ dir, parent: parent === dir ? null : parent, entries });
    },
  };
}
