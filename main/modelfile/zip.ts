import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import { formatBytes } from '../../shared/modelfile/limits';

/**
 * Inflates the named members of a zip with a running byte limit per member: inflation stops the
 * moment a member outgrows its limit, whatever its header claims (a 3 MB bomb never becomes
 * 3 GiB). Members not asked for are skipped without inflating them. The value: the members found, by name.
 */
export function unzipBounded(bytes: Uint8Array, limits: ReadonlyMap<string, number>): Outcome<ReadonlyMap<string, Uint8Array>> {
  const chunks = new Map<string, Uint8Array[]>();
  let problem: string | null = null;
  const unzip = new Unzip((file) => {
    const limit = limits.get(file.name);
    if (limit === undefined || chunks.has(file.name) || problem !== null) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    let size = 0;
    file.ondata = (err, data) => {
      if (problem !== null) return;
      if (err) {
        problem = `${file.name} in the archive is damaged (${err.message})`;
        return;
      }
      size += data.length;
      if (size > limit) {
        problem = `${file.name} in the archive inflates to more than ${formatBytes(limit)}, more than a model of this size needs; the file is damaged or not a model`;
        file.terminate();
        return;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    return failure(`it is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
  if (problem !== null) return failure(problem);
  const files = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) {
    const total = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    files.set(name, out);
  }
  return success(files);
}

export function textOf(bytes: Uint8Array): string {
  return strFromU8(bytes);
}
