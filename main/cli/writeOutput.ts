import { writeFileSync } from 'node:fs';

/** Writes `text` to `file` (refusing to replace an existing file unless `force`); a message on failure. */
export function writeOutput(file: string, text: string, force: boolean): string | null {
  try {
    writeFileSync(file, text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
    return null;
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (code === 'EEXIST') return `${file} already exists; choose another name or add --force to replace it`;
    if (code === 'ENOENT') return `cannot write ${file}: its folder does not exist`;
    if (code === 'EACCES' || code === 'EPERM') return `cannot write ${file}: permission denied`;
    if (code === 'EISDIR') return `cannot write ${file}: it is a folder`;
    return `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
