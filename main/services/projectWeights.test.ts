import { copyFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Graph } from '../../shared/graph/types';
import { newProject } from '../../shared/project';
import { startBackend } from '../engine/backend';
import { weightHandlers } from '../engine/weightRequests';
import { createModelService } from './models';
import type { EngineHost } from './ports';
import { createProjectService } from './projects';
import { createRecentFiles } from './recentFiles';
import { tempDir } from './testSupport';

/**
 * Trained weights live beside the project (cnn.blockprop.json + cnn.weights.h5): the services
 * with the engine's real weight requests, in this process (no worker bundle needed).
 */
const fixtures = path.join(__dirname, '../../tests/fixtures/trained');
const session = { model: null, graph: null, dataset: null, loss: null };

async function request(type: string, payload: unknown): Promise<Result<unknown>> {
  const handler = weightHandlers[type];
  if (handler === undefined) throw new Error(type);
  return handler(session, payload);
}

const calls: string[] = [];
const engine: EngineHost = {
  backends: () => Promise.resolve({ default: 'cpu', available: [] }),
  startTraining: () => fail('unsupported', 'not in this test'),
  inspect: () => Promise.resolve(fail('unsupported', 'not in this test')),
  exportTrained: () => Promise.resolve(fail('unsupported', 'not in this test')),
  dispose: () => Promise.resolve(),
  async loadWeights(graph: Graph, file: string) {
    calls.push(`load ${path.basename(file)}`);
    const r = await request('weights.load', { graph, path: file });
    if (!r.ok) return r;
    return ok(z.object({ loaded: z.boolean(), kept: z.array(z.string()), fresh: z.array(z.string()) }).parse(r.value));
  },
  async saveWeights(graph: Graph, target: string) {
    calls.push(`save ${path.basename(target)}`);
    const r = await request('weights.save', { graph, target });
    if (!r.ok) return r;
    return ok(z.object({ file: z.string().nullable(), bytes: z.number(), fresh: z.array(z.string()) }).parse(r.value));
  },
};

beforeAll(async () => {
  await startBackend('cpu');
});

describe('a project keeps its trained weights', () => {
  it('import a .keras (weights into the engine), save as a project (sibling .weights.h5), reopen (weights back)', async () => {
    const dir = await tempDir();
    const recent = createRecentFiles(path.join(dir, 'config'));
    const projects = createProjectService({ recent, engine: () => engine });
    const models = createModelService({ engine: () => engine });
    const source = path.join(dir, 'cnn.keras');
    await copyFile(path.join(fixtures, 'cnn.keras'), source);

    // File → Open on a model file: the project service says it is a model; the renderer imports it.
    expect(await projects.open({ path: source })).toMatchObject({ ok: false, error: { code: 'not-a-project' } });
    const imported = await models.importModel({ path: source });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.format).toBe('keras');
    expect(imported.value.warnings).toContain('Trained weights loaded for 4 layers: Inspect, export and training use them.');

    const file = path.join(dir, 'cnn.blockprop.json');
    const saved = await projects.saveAs({ path: file, project: newProject(imported.value.graph), overwrite: false });
    expect(saved.ok).toBe(true);
    const weightsFile = path.join(dir, 'cnn.weights.h5');
    expect((await stat(weightsFile)).size).toBeGreaterThan(0);
    expect((await readFile(weightsFile)).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x48, 0x44, 0x46]));

    const reopened = await projects.open({ path: file });
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.warnings).toEqual(['Trained weights restored from cnn.weights.h5.']);
    expect(calls).toEqual(['load cnn.keras', 'save cnn.weights.h5', 'load cnn.weights.h5']);
  });

  it('a project whose weights file is broken still opens, and says why its weights are fresh', async () => {
    const dir = await tempDir();
    const projects = createProjectService({ recent: createRecentFiles(path.join(dir, 'config')), engine: () => engine });
    const models = createModelService({ engine: () => engine });
    const imported = await models.importModel({ path: path.join(fixtures, 'bn.keras') });
    if (!imported.ok) throw new Error(imported.error.message);
    const file = path.join(dir, 'bn.blockprop.json');
    expect((await projects.saveAs({ path: file, project: newProject(imported.value.graph), overwrite: false })).ok).toBe(true);
    await copyFile(path.join(fixtures, 'bn.png'), path.join(dir, 'bn.weights.h5'));
    const reopened = await projects.open({ path: file });
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.warnings[0]).toMatch(
      /^The trained weights in bn\.weights\.h5 could not be loaded \(.*it looks like a PNG image\.\); the model starts with fresh weights\.$/,
    );
  });
});
