import { describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../shared/api/training';
import { importModel } from '../../shared/keras';
import { defaultTraining } from '../../shared/project';
import { Engine } from './host';
import { preflightTraining } from './preflight';

/** The audit's model: 314,016,120 parameters (Dense 17,720 -> 17,720). */
function huge(backend: TrainRequest['backend']): TrainRequest {
  const r = importModel({
    class_name: 'Sequential',
    config: {
      name: 'huge',
      layers: [
        { class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 17_720] } },
        { class_name: 'Dense', config: { name: 'd', units: 17_720 } },
      ],
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  return { graph: r.value.graph, training: { ...defaultTraining }, dataset: { kind: 'mnist' }, backend };
}

describe('training preflight', () => {
  it('refuses a 314 M-parameter model on wasm up front, naming the 4 GB address space', () => {
    expect(preflightTraining(huge('wasm'))).toMatch(
      /^The model has 314,016,120 parameters: training needs at least 4\.7 GB .*WebAssembly can address only 4 GB/,
    );
    expect(preflightTraining(huge('auto'), () => false)).toMatch(/WebAssembly can address only 4 GB/);
  });

  it('says the cpu backend is too slow for it instead of going silent', () => {
    expect(preflightTraining(huge('cpu'))).toMatch(/too big for the cpu backend|this machine has/);
  });

  it('lets ordinary models through', () => {
    const small = huge('wasm');
    const r = importModel({
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 784] } },
          { class_name: 'Dense', config: { name: 'd', units: 10 } },
        ],
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(preflightTraining({ ...small, graph: r.value.graph })).toBeNull();
  });

  it('the engine answers with a memory error event and starts nothing', async () => {
    const engine = new Engine();
    const events: unknown[] = [];
    const last = await engine.startTraining(huge('wasm'), (e) => events.push(e)).done;
    expect(last).toMatchObject({ event: 'error', code: 'memory' });
    expect(events).toHaveLength(1);
    expect(engine.enginePid).toBeNull();
    await engine.close();
  });
});
