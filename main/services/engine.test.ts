import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/api/result';
import { newProject } from '../../shared/project';
import { createEngineService } from './engine';
import type { EngineHost, TrainEventPayload } from './ports';

const graph = { name: 'm', nodes: [], edges: [] };
const request = { graph, training: newProject(graph).training, dataset: { kind: 'mnist' as const }, backend: 'auto' as const };

function fakeHost() {
  const runs: { onEvent: (e: TrainEventPayload) => void; stopped: boolean; finish: () => void }[] = [];
  const host: EngineHost = {
    backends: async () => ({ default: 'wasm', available: [{ name: 'wasm', available: true }] }),
    startTraining(_req, onEvent) {
      let finish: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (finish = resolve));
      const run = { onEvent, stopped: false, finish };
      runs.push(run);
      return ok({ stop: () => ((run.stopped = true), finish()), done });
    },
    inspect: async () => ({ ok: false, error: { code: 'no-model', message: 'Build or train the model first.' } }),
    exportTrained: async () => ok({ files: [], bytes: 0 }),
    dispose: async () => undefined,
  };
  return { host, runs };
}

describe('engine service', () => {
  it('answers not-ready without an engine', async () => {
    const service = createEngineService({ engine: () => null, emit: () => undefined });
    expect(await service.start(request)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(await service.inspect('kernels', {})).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(await service.stop({})).toEqual({ ok: true, value: { stopped: false } });
  });

  it('runs one training at a time, tags its events with the run id, and stops it', async () => {
    const { host, runs } = fakeHost();
    const events: unknown[] = [];
    const service = createEngineService({ engine: () => host, emit: (name, payload) => events.push([name, payload]) });
    const started = await service.start(request);
    if (!started.ok) throw new Error(started.error.message);
    expect(await service.start(request)).toMatchObject({ ok: false, error: { code: 'busy' } });
    runs[0]?.onEvent({ event: 'warning', code: 'w', message: 'm' });
    expect(events).toEqual([['train.event', { runId: started.value.runId, event: { event: 'warning', code: 'w', message: 'm' } }]]);
    expect(await service.stop({ runId: 'another' })).toEqual({ ok: true, value: { stopped: false } });
    expect(await service.stop({ runId: started.value.runId })).toEqual({ ok: true, value: { stopped: true } });
    expect(runs[0]?.stopped).toBe(true);
    await runs[0]?.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = await service.start(request);
    expect(again.ok && again.value.runId).not.toBe(started.value.runId);
  });

  it('passes inspection errors through as values', async () => {
    const { host } = fakeHost();
    const service = createEngineService({ engine: () => host, emit: () => undefined });
    expect(await service.inspect('evaluate', { worst: 16, batchSize: 256 })).toMatchObject({ ok: false, error: { code: 'no-model' } });
  });
});
