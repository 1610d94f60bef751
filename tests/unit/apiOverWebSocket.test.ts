import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserMode } from '../../main/server/browserMode';
import { tempDir } from '../../main/services/testSupport';
import { createClient } from '../../renderer/src/api/client';
import { createWsTransport, socketUrl, type SocketFactory } from '../../renderer/src/api/wsTransport';
import { newProject } from '../../shared/project';
import { getTemplate } from '../../shared/templates';

/** The renderer's client against the real browser-mode server, with Node's ws as the socket. */
const nodeSocket =
  (origin: string): SocketFactory =>
  (url, handlers) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => handlers.onOpen());
    ws.on('close', () => handlers.onClose());
    ws.on('error', () => undefined);
    ws.on('message', (data) => handlers.onMessage(data.toString()));
    return ws;
  };

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function launch() {
  const dir = await tempDir();
  const server = await startBrowserMode({ port: 0, staticDir: path.join(dir, 'none'), configDir: path.join(dir, 'config') });
  const origin = `http://127.0.0.1:${server.port}`;
  const api = createClient(createWsTransport(socketUrl({ protocol: 'http:', host: `127.0.0.1:${server.port}` }, server.token), nodeSocket(origin)));
  stops.push(async () => {
    api.close();
    await server.shutdown();
  });
  return { api, dir, server };
}

describe('renderer client <-> browser-mode server', () => {
  it('runs a project session end to end: new, save, reopen, recent, autosave, recovery', async () => {
    const { api, dir } = await launch();
    const info = await api.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'web', nativeDialogs: false } });

    const template = getTemplate('keras_cnn');
    if (template === undefined) throw new Error('template missing');
    const created = await api.invoke('project.new', { graph: template.build() });
    if (!created.ok) throw new Error(created.error.message);
    const file = path.join(dir, 'cnn.blockprop.json');
    expect(await api.invoke('project.saveAs', { path: file, project: created.value.project })).toMatchObject({ ok: true, value: { path: file } });
    const other = path.join(dir, 'other.blockprop.json');
    await writeFile(other, 'not ours');
    expect(await api.invoke('project.saveAs', { path: other, project: created.value.project })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await api.invoke('project.save', { path: file, project: created.value.project })).toMatchObject({ ok: true });
    const opened = await api.invoke('project.open', { path: file });
    expect(opened.ok && opened.value.project).toEqual(created.value.project);
    const recent = await api.invoke('project.recent', {});
    expect(recent.ok && recent.value.files[0]?.path).toBe(file);

    expect(await api.invoke('project.autosave', { project: created.value.project, path: file })).toMatchObject({ ok: true });
    expect(await api.invoke('recovery.check', {})).toMatchObject({ ok: true, value: { available: true, path: file } });
    const restored = await api.invoke('recovery.restore', {});
    expect(restored.ok && restored.value.project).toEqual(created.value.project);
    expect(await api.invoke('project.save', { path: file, project: created.value.project })).toMatchObject({ ok: true });
    expect(await api.invoke('recovery.check', {})).toEqual({ ok: true, value: { available: false } }); // saving clears it
  });

  it('lists folders for the in-app file dialog and exports Keras JSON', async () => {
    const { api, dir } = await launch();
    const project = newProject({ name: 'm', nodes: [], edges: [] });
    await api.invoke('project.saveAs', { path: path.join(dir, 'a.blockprop.json'), project });
    const listing = await api.invoke('fs.list', { dir, extensions: ['json'] });
    expect(listing.ok && listing.value.entries.map((e) => [e.name, e.kind])).toEqual([
      ['config', 'dir'],
      ['a.blockprop.json', 'file'],
    ]);
    expect(listing.ok && listing.value.parent).toBe(path.dirname(dir));
    const template = getTemplate('keras_cnn');
    if (template === undefined) throw new Error('template missing');
    const out = path.join(dir, 'cnn.json');
    expect(await api.invoke('export.write', { format: 'keras3', path: out, graph: template.build() })).toMatchObject({ ok: true, value: { path: out } });
    const imported = await api.invoke('model.import', { path: out });
    expect(imported.ok && imported.value.format).toBe('keras3');
  });

  it('trains in the engine worker with live events, then inspects the trained model', async () => {
    const { api } = await launch();
    const template = getTemplate('fc_200_200');
    if (template === undefined) throw new Error('template missing');
    const graph = template.build();
    const project = newProject(graph);
    const events: string[] = [];
    let finished: (value: unknown) => void = () => undefined;
    const done = new Promise((resolve) => (finished = resolve));
    api.on('train.event', ({ event }) => {
      events.push(event.event);
      if (event.event === 'done' || event.event === 'error' || event.event === 'stopped') finished(event);
    });
    const started = await api.invoke('train.start', {
      graph,
      training: { ...project.training, epochs: 1, batchSize: 100 },
      dataset: { kind: 'mnist' },
      backend: 'cpu',
      limit: { train: 1000, test: 200 },
    });
    expect(started.ok).toBe(true);
    expect(await api.invoke('train.start', { graph, training: project.training, dataset: { kind: 'mnist' } })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
    const last = await done;
    expect(last).toMatchObject({ event: 'done', backend: 'cpu', epochs: 1 });
    expect(events).toContain('batch');
    expect(events).toContain('epoch');
    const predicted = await api.invoke('inspect.predict', { sample: { kind: 'test', index: 0 }, dataset: { kind: 'mnist' } });
    if (!predicted.ok) throw new Error(predicted.error.message);
    expect(predicted.value.probabilities).toHaveLength(10);
  }, 120_000);

  it('looks inside a model before any training (initial weights)', async () => {
    const { api } = await launch();
    const template = getTemplate('keras_cnn');
    if (template === undefined) throw new Error('template missing');
    const kernels = await api.invoke('inspect.kernels', { graph: template.build() });
    if (!kernels.ok) throw new Error(kernels.error.message);
    expect(kernels.value).toMatchObject({ layer: 'conv2d', filters: 32, kernelSize: [3, 3] });
  }, 60_000);
});
