import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/api/result';
import { getTemplate } from '../../shared/templates';
import { newProject } from '../../shared/project';
import type { Handlers } from '../services/dispatcher';
import { tempDir, testHandlers } from '../services/testSupport';
import { extensionProblem, guardWrites } from './writeGrants';

async function handlers(saveAnswer: () => string | null): Promise<{ h: Handlers; base: Handlers; dir: string; writes: string[] }> {
  const dir = await tempDir();
  const base = testHandlers('electron', path.join(dir, 'config'));
  const writes: string[] = [];
  const inner: Handlers = {
    ...base,
    'dialog.save': async () => ok({ path: saveAnswer() }),
    'project.saveAs': async (request) => {
      writes.push(request.path);
      return base['project.saveAs'](request);
    },
    'export.write': async (request) => {
      writes.push(request.path);
      return base['export.write'](request);
    },
  };
  return { h: guardWrites(inner), base: inner, dir, writes };
}

const graph = () => {
  const g = getTemplate('keras_cnn')?.build();
  if (!g) throw new Error('no template');
  return g;
};

describe('desktop writes only where the user chose', () => {
  it('refuses project.saveAs and export.write to paths no Save dialog returned in this session', async () => {
    const { h, dir, writes } = await handlers(() => null);
    const bashrc = path.join(dir, '.bashrc');
    const saved = await h['project.saveAs']({ path: bashrc, project: newProject(graph()), overwrite: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const exported = await h['export.write']({ format: 'python', path: path.join(dir, 'x.py'), overwrite: true, graph: graph() });
    expect(exported).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(writes).toEqual([]);
  });

  it("allows the dialog's answer, with the format's extension only", async () => {
    const { h, dir, writes } = await handlers(() => path.join(dir, 'cnn.py'));
    await h['dialog.save']({});
    const exported = await h['export.write']({ format: 'python', path: path.join(dir, 'cnn.py'), overwrite: true, graph: graph() });
    expect(exported.ok).toBe(true);
    expect(writes).toEqual([path.join(dir, 'cnn.py')]);
    const wrongKind = await h['export.write']({ format: 'svg', path: path.join(dir, 'cnn.py'), overwrite: true, content: '<svg></svg>' });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('a project the user opened may be saved under its own name', async () => {
    const first = await handlers(() => null);
    const file = path.join(first.dir, 'mine.blockprop.json');
    const { h } = await handlers(() => file);
    await h['dialog.save']({});
    expect((await h['project.saveAs']({ path: file, project: newProject(graph()), overwrite: true })).ok).toBe(true);
    const reopened = guardWrites({ ...(await handlers(() => null)).base });
    expect((await reopened['project.open']({ path: file })).ok).toBe(true);
    expect((await reopened['project.saveAs']({ path: file, project: newProject(graph()), overwrite: true })).ok).toBe(true);
  });

  it('restored unsaved work may be saved back to its own project file', async () => {
    const { base, dir } = await handlers(() => null);
    const file = path.join(dir, 'restored.blockprop.json');
    const restoring = guardWrites({ ...base, 'recovery.restore': async () => ok({ project: newProject(graph()), path: file, savedAt: 'now', warnings: [] }) });
    expect((await restoring['project.saveAs']({ path: file, project: newProject(graph()), overwrite: true })).ok).toBe(false);
    expect((await restoring['recovery.restore']({})).ok).toBe(true);
    expect((await restoring['project.saveAs']({ path: file, project: newProject(graph()), overwrite: true })).ok).toBe(true);
  });

  it('names the extension each format needs', () => {
    expect(extensionProblem('keras', '/x/model.json')).toBe('A keras export is written to a .keras file, not to model.json; choose the place again.');
    expect(extensionProblem('tfjs', '/x/out')).toBeNull();
  });
});
