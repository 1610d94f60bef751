import { describe, expect, expectTypeOf, it } from 'vitest';
import { layerConfig } from './layerConfig';
import { nullablePairSpec, pairSpec, paddingSpec, seedSpec } from './paramSpecs';
import { layerDefs } from './registry';
import type { ParamSpec } from './types';
import { defaultParams } from './validateParam';

const units = { name: 'units', type: 'int', min: 1, default: 8, help: 'h' } as const satisfies ParamSpec;
const specs = [units, pairSpec('kernel_size', [3, 3], 'h'), nullablePairSpec('strides', 'h'), paddingSpec, seedSpec] as const;
const config = layerConfig(specs);

describe('layerConfig', () => {
  it('reads valid values as they are', () => {
    const c = config({ units: 4, kernel_size: [5, 1], strides: [2, 2], padding: 'same', seed: 7 });
    expect(c).toEqual({ units: 4, kernel_size: [5, 1], strides: [2, 2], padding: 'same', seed: 7 });
  });

  it('reads missing and invalid values as the default, never as 0', () => {
    expect(config({})).toEqual({ units: 8, kernel_size: [3, 3], strides: null, padding: 'valid', seed: null });
    const c = config({ units: 0, kernel_size: [3], strides: 'x', padding: 'causal', seed: 1e20 });
    expect(c).toEqual({ units: 8, kernel_size: [3, 3], strides: null, padding: 'valid', seed: null });
  });

  it('types every key from its spec', () => {
    const c = config({});
    expectTypeOf(c.units).toEqualTypeOf<number>();
    expectTypeOf(c.kernel_size).toEqualTypeOf<readonly [number, number]>();
    expectTypeOf(c.strides).toEqualTypeOf<readonly [number, number] | null>();
    expectTypeOf(c.padding).toEqualTypeOf<'valid' | 'same'>();
    expectTypeOf(c.seed).toEqualTypeOf<number | null>();
    expectTypeOf(c).not.toHaveProperty('use_bias');
  });

  it('refuses a spec whose default fails its own validation, when the layer is declared', () => {
    const bad = { name: 'rate', type: 'float', min: 0, max: 1, default: 2, help: 'h' } as const satisfies ParamSpec;
    expect(() => layerConfig([bad])).toThrow('param rate: its default must be 1 or less');
    expect(() => layerConfig([units, units])).toThrow('param units is declared twice');
  });

  it("reads every registered layer's defaults back unchanged", () => {
    for (const def of layerDefs) {
      const read = layerConfig(def.params);
      expect(read(defaultParams(def)), def.className).toEqual(defaultParams(def));
    }
  });
});
