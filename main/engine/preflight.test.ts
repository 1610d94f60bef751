import { describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../shared/api/training';
import type { Graph } from '../../shared/graph/types';
import { defaultTraining } from '../../shared/project';
import { GraphBuilder } from '../../shared/templates/builder';
import { Engine } from './host';
import { preflightTraining } from './preflight';

/** A Sequential model of `features` inputs into one Dense layer of `units`. */
function denseModel(features: number, units: number): Graph {
  const b = new GraphBuilder('m', 'Sequential');
  b.chain(b.input([features]), [['Dense', { units }]]);
  return b.build();
}

/** The audit's model: 314,016,120 parameters (Dense 17,720 -> 17,720). */
function huge(backend: TrainRequest['backend']): TrainRequest {
  return { graph: denseModel(17_720, 17_720), training: { ...defaultTraining }, dataset: { kind: 'mnist' }, backend };
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
    expect(preflightTraining({ ...small, graph: denseModel(784, 10) })).toBeNull();
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
