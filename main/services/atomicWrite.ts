import { open, readdir, rename, stat, unlink, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that a crash never leaves it half-written: write a temporary file beside it,
 * fsync it, rename it over the target (atomic on the same file system), then fsync the folder.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<number> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    // Disk full, quota …: the half-written temporary goes too, not just the error.
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
  return bytes.byteLength;
}

/** Temporaries older than this are leftovers of a save that was killed (kill -9, power cut). */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes the temporaries an interrupted save of `target` left beside it (`.name.<12 hex>.tmp`),
 * once they are old enough that no save in progress (another window, another Blockprop) can
 * still own them. Best effort: a folder we cannot list is left alone.
 */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const file = path.join(dir, name);
    try {
      if (now - (await stat(file)).mtimeMs < STALE_TEMP_MS) continue;
      await unlink(file);
      removed.push(file);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename durable on Linux; not supported everywhere (Windows), so best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
