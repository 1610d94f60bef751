import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, STALE_TEMP_MS, writeFileAtomic } from './atomicWrite';

describe('writeFileAtomic', () => {
  it('removes temporaries that killed saves left beside the file, but not one a save may still own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-atomic-'));
    const target = path.join(dir, 'model.blockprop.json');
    const stale = path.join(dir, '.model.blockprop.json.0123456789ab.tmp');
    const fresh = path.join(dir, '.model.blockprop.json.ba9876543210.tmp');
    const other = path.join(dir, '.other.json.0123456789ab.tmp');
    for (const f of [stale, fresh, other]) writeFileSync(f, 'half a project');
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    await writeFileAtomic(target, '{"ok":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(dir).sort()).toEqual(['.model.blockprop.json.ba9876543210.tmp', '.other.json.0123456789ab.tmp', 'model.blockprop.json']);
    // Once old enough, the fresh one goes too; other files' temporaries are theirs to clean.
    expect(await removeStaleTemps(target, Date.now() + STALE_TEMP_MS + 1000)).toEqual([fresh]);
  });
});
