import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectService, withExtension } from './projects';
import { createRecentFiles } from './recentFiles';
import { sampleProject, tempDir } from './testSupport';

async function setup() {
  const dir = await tempDir();
  const recent = createRecentFiles(path.join(dir, 'config'));
  return { dir, recent, projects: createProjectService({ recent }) };
}

describe('project service', () => {
  it('saves as, then opens the same project back, and lists it as recent', async () => {
    const { dir, projects } = await setup();
    const file = path.join(dir, 'net.blockprop.json');
    const saved = await projects.saveAs({ path: file, project: sampleProject, overwrite: false });
    expect(saved).toMatchObject({ ok: true, value: { path: file } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sampleProject);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]); // no temp file left behind
    const opened = await projects.open({ path: file });
    expect(opened).toEqual({ ok: true, value: { project: sampleProject, path: file, warnings: [] } });
    const recent = await projects.recent();
    expect(recent.ok && recent.value.files.map((f) => [f.name, f.exists])).toEqual([['net.blockprop.json', true]]);
  });

  it('never overwrites a file it did not open or save', async () => {
    const { dir, projects } = await setup();
    const file = path.join(dir, 'other.blockprop.json');
    await writeFile(file, 'precious');
    const asSave = await projects.save({ path: file, project: sampleProject });
    const asSaveAs = await projects.saveAs({ path: file, project: sampleProject, overwrite: false });
    expect(asSave).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(asSaveAs).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await readFile(file, 'utf8')).toBe('precious');
    expect(await projects.saveAs({ path: file, project: sampleProject, overwrite: true })).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sampleProject);
  });

  it('saves again over its own file, but not after another program changed it', async () => {
    const { dir, projects } = await setup();
    const file = path.join(dir, 'mine.blockprop.json');
    expect(await projects.saveAs({ path: file, project: sampleProject, overwrite: false })).toMatchObject({ ok: true });
    expect(await projects.save({ path: file, project: sampleProject })).toMatchObject({ ok: true });
    await writeFile(file, '{"changed": true}');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect(await projects.save({ path: file, project: sampleProject })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(await readFile(file, 'utf8')).toBe('{"changed": true}');
  });

  it.each([
    ['cut-off JSON', '{"format": "blockprop-project", "vers', 'bad-file', /it looks truncated/],
    [
      'a passwd file (never quoted back)',
      'root:x:0:0:root:/root:/bin/bash',
      'bad-file',
      /^broken\.blockprop\.json is not a Blockprop project: the file is not JSON: it looks like plain text\. The file was left untouched\.$/,
    ],
    ['a PNG image', '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'bad-file', /the file is not JSON: it looks like a PNG image\./],
    ['another JSON', '{"hello": 1}', 'bad-file', /not a Blockprop project/],
    ['a newer version', '{"format": "blockprop-project", "version": 7}', 'newer-version', /newer Blockprop/],
  ])('opening %s answers a clear message and leaves the file untouched', async (_label, content, code, message) => {
    const { dir, projects } = await setup();
    const file = path.join(dir, 'broken.blockprop.json');
    await writeFile(file, content);
    const before = await stat(file);
    const opened = await projects.open({ path: file });
    expect(opened).toMatchObject({ ok: false, error: { code } });
    expect(!opened.ok && opened.error.message).toMatch(message);
    expect(!opened.ok && opened.error.message).toContain('broken.blockprop.json');
    expect(await readFile(file, 'utf8')).toBe(content);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    // and a plain save onto it is refused: it was never opened successfully
    expect(await projects.save({ path: file, project: sampleProject })).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('answers not-found for a missing file and refuses folders', async () => {
    const { dir, projects } = await setup();
    expect(await projects.open({ path: path.join(dir, 'missing.blockprop.json') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await projects.open({ path: dir })).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });

  it('saves an old-version project as the current version (parseProject migrates it)', async () => {
    const { dir, projects } = await setup();
    const file = path.join(dir, 'v.blockprop.json');
    const old = { ...sampleProject, version: 0 };
    expect(await projects.saveAs({ path: file, project: old, overwrite: false })).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it.each([
    ['net', 'net.blockprop.json'],
    ['net.blockprop.json', 'net.blockprop.json'],
    ['model.json', 'model.json'],
  ])('withExtension(%s) -> %s', (input, expected) => {
    expect(path.basename(withExtension(input))).toBe(expected);
  });
});
