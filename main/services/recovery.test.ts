import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryService } from './recovery';
import { sampleProject, tempDir } from './testSupport';

describe('recovery service', () => {
  it('offers nothing, then the autosaved work, restores it, and forgets it on discard', async () => {
    const dir = await tempDir();
    const now = () => new Date('2026-01-02T03:04:05Z');
    const recovery = createRecoveryService({ configDir: dir, now });
    expect(await recovery.check()).toEqual({ ok: true, value: { available: false } });
    expect(await recovery.autosave({ project: sampleProject, path: '/home/u/net.blockprop.json' })).toEqual({
      ok: true,
      value: { savedAt: '2026-01-02T03:04:05.000Z' },
    });
    expect(await recovery.check()).toEqual({
      ok: true,
      value: { available: true, savedAt: '2026-01-02T03:04:05.000Z', path: '/home/u/net.blockprop.json', name: 'net.blockprop.json' },
    });
    expect(await recovery.restore()).toEqual({
      ok: true,
      value: { project: sampleProject, path: '/home/u/net.blockprop.json', savedAt: '2026-01-02T03:04:05.000Z', warnings: [] },
    });
    expect(await recovery.discard()).toEqual({ ok: true, value: {} });
    expect(await recovery.check()).toEqual({ ok: true, value: { available: false } });
    expect(await recovery.restore()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await recovery.discard()).toEqual({ ok: true, value: {} }); // twice is fine
  });

  it('names untitled work after its graph and ignores a corrupt recovery file', async () => {
    const dir = await tempDir();
    const recovery = createRecoveryService({ configDir: dir });
    await recovery.autosave({ project: sampleProject, path: null });
    expect(await recovery.check()).toMatchObject({ ok: true, value: { available: true, name: 'net', path: null } });
    await writeFile(path.join(dir, 'recovery.blockprop.json'), '{"format":"blockprop-recovery", "sav');
    expect(await recovery.check()).toEqual({ ok: true, value: { available: false } });
  });
});
