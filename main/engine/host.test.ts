import { afterAll, describe, expect, it } from 'vitest';
import type { TrainEvent, TrainRequest } from '../../shared/api/training';
import { defaultTraining } from '../../shared/project';
import { getTemplate } from '../../shared/templates';
import { Engine } from './host';

/** The engine's worker thread through its host: event order, stop, crash. Small MNIST subsets. */

const template = getTemplate('fc_200_200');
if (template === undefined) throw new Error('fc_200_200 template missing');
const graph = template.build();

function request(over: Partial<TrainRequest['training']> = {}, limit = 256): TrainRequest {
  return {
    graph,
    training: { ...defaultTraining, epochs: 1, batchSize: 16, seed: 3, ...over },
    dataset: { kind: 'mnist' },
    backend: 'wasm',
    limit: { train: limit, test: 64 },
  };
}

const engine = new Engine();
afterAll(() => engine.close());

describe('Engine (worker thread)', () => {
  it('runs one epoch: events in order, loss going down, the model kept for requests', async () => {
    const events: TrainEvent[] = [];
    const last = await engine.startTraining(request({ epochs: 2 }), (e) => events.push(e)).done;
    expect(last?.event).toBe('done');
    const kinds = events.map((e) => e.event).filter((k) => k !== 'dataset' && k !== 'warning');
    expect(kinds[0]).toBe('backend');
    expect(kinds[1]).toBe('start');
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.filter((k) => k === 'epoch')).toHaveLength(2);
    expect(kinds.indexOf('epoch')).toBeGreaterThan(kinds.indexOf('batch'));
    const epochs = events.filter((e): e is Extract<TrainEvent, { event: 'epoch' }> => e.event === 'epoch');
    expect(epochs[1]?.loss).toBeLessThan(epochs[0]?.loss ?? 0);
    expect(epochs[0]?.valMetrics?.['val_accuracy']).toBeGreaterThan(0);
    const ping = await engine.request('ping');
    expect(ping).toEqual({ ok: true, value: { model: true, graph: graph.name, dataset: 'MNIST' } });
  });

  it('stops mid-epoch at a batch boundary', async () => {
    const events: TrainEvent[] = [];
    const run = engine.startTraining(request({}, 2048), (e) => {
      events.push(e);
      if (e.event === 'batch' && e.batch >= 3) run.stop();
    });
    const last = await run.done;
    expect(last?.event).toBe('stopped');
    if (last?.event === 'stopped') {
      expect(last.reason).toBe('user');
      expect(last.batch).toBeLessThan(128);
    }
    expect(events.some((e) => e.event === 'epoch')).toBe(false);
  });

  it('reports a worker crash as an error event; the host lives on and trains again', async () => {
    const events: TrainEvent[] = [];
    const run = engine.startTraining(request({}, 2048), (e) => {
      events.push(e);
      if (e.event === 'batch') engine.crashForTest();
    });
    const last = await run.done;
    expect(last?.event).toBe('error');
    if (last?.event === 'error') expect(last.message).toMatch(/crashed/);
    const again = await engine.startTraining(request({}, 64), () => undefined).done;
    expect(again?.event).toBe('done');
  });
});

describe('Engine (own process)', () => {
  it('a native crash (SIGSEGV) ends the engine only: the run fails with the reason, a fresh engine trains next', async () => {
    const isolated = new Engine({ isolation: 'process' });
    try {
      const events: TrainEvent[] = [];
      let pid: number | null = null;
      const run = isolated.startTraining(request({}, 2048), (e) => {
        events.push(e);
        if (e.event === 'batch' && pid === null) {
          pid = isolated.enginePid;
          if (pid !== null) process.kill(pid, 'SIGSEGV');
        }
      });
      const last = await run.done;
      expect(pid).not.toBeNull();
      expect(pid).not.toBe(process.pid);
      expect(last).toMatchObject({ event: 'error', code: 'worker-crash' });
      if (last?.event === 'error')
        expect(last.message).toMatch(/signal SIGSEGV \(a native crash, e\.g\. in TensorFlow or CUDA\).*a fresh engine starts with the next run/);
      const again = await isolated.startTraining(request({}, 64), () => undefined).done;
      expect(again?.event).toBe('done');
      expect(isolated.enginePid).not.toBe(pid);
    } finally {
      await isolated.close();
    }
  });
});

describe('Engine process lifetime', () => {
  it('an engine training for a host that was killed (kill -9) exits instead of training on as an orphan', async () => {
    const { fork } = await import('node:child_process');
    const path = await import('node:path');
    const host = fork(path.join(__dirname, 'orphan.test-util.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const pid = await new Promise<number>((resolve, reject) => {
      host.stdout?.on('data', (d: Buffer) => resolve(Number(String(d).trim())));
      host.on('exit', () => reject(new Error('host exited early')));
    });
    expect(Number.isInteger(pid)).toBe(true);
    host.kill('SIGKILL');
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 10_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });
});
