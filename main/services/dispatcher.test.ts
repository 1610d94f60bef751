import { describe, expect, it } from 'vitest';
import { newProject } from '../../shared/project';
import { createDispatcher } from './dispatcher';
import { tempDir, testHandlers } from './testSupport';

describe('dispatcher', () => {
  it('refuses a payload nested 100,000 levels deep as a request error, not a stack overflow', async () => {
    const dir = await tempDir();
    const dispatcher = createDispatcher(testHandlers('web', dir));
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const project = JSON.parse(JSON.stringify(newProject({ name: 'x', nodes: [], edges: [] })));
    project.graph.nodes = [{ id: 'a', kind: 'Dense', name: 'd', params: {}, position: { x: 0, y: 0 } }];
    project.graph.nodes[0].params.units = deep;
    expect(await dispatcher.invoke('project.autosave', { project, path: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'The project.autosave request nests more than 200 levels deep; no project or model does.' },
    });
    expect(await dispatcher.invoke('project.autosave', { project: newProject({ name: 'x', nodes: [], edges: [] }), path: null })).toMatchObject({ ok: true });
  });
});
