import { describe, expect, it } from 'vitest';
import { healthWarnings, type LayerHealth } from './health';

const layer = (name: string, gradientRms: number | null, deadFraction: number | null = null, weightRms = 0.05): LayerHealth => ({
  layer: name,
  activationMean: 0,
  activationStd: 1,
  deadFraction,
  weights: null,
  gradients: null,
  weightRms,
  gradientRms,
});

describe('healthWarnings', () => {
  it('names vanishing, exploding and dead-ReLU layers with what to try', () => {
    const w = healthWarnings({ layers: [layer('early', 1e-7), layer('mid', 1e-3, 0.8), layer('late', 2e-3), layer('boom', 500)] });
    expect(w.map((x) => [x.layer, x.kind])).toEqual([
      ['early', 'vanishing'],
      ['mid', 'dead-relu'],
      ['boom', 'exploding'],
    ]);
    expect(w[1]?.message).toContain('80 %');
    expect(w[2]?.message).toContain('lower the learning rate');
  });
  it('says nothing for a healthy net', () => {
    expect(healthWarnings({ layers: [layer('a', 1e-3, 0.1), layer('b', 2e-3)] })).toEqual([]);
  });
});
