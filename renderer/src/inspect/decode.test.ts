import { describe, expect, it } from 'vitest';
import { cssColor, lut } from './colormap';
import { gridColumns, layerRange, mapLevels } from './decode';

function b64(bytes: number[]): string {
  return btoa(String.fromCharCode(...bytes));
}

describe('mapLevels', () => {
  const map = { channel: 0, min: -1, max: 3, width: 2, height: 1, data: b64([0, 255]) };
  it('per map: 0..1 between its own min and max', () => {
    expect([...mapLevels(map, 'u8', null)]).toEqual([0, 1]);
  });
  it('per layer: relative to the layer range', () => {
    const levels = [...mapLevels(map, 'u8', { min: -1, max: 7 })];
    expect(levels[0]).toBeCloseTo(0);
    expect(levels[1]).toBeCloseTo(0.5);
  });
  it('f32 values are read little-endian', () => {
    const f = new Float32Array([-1, 3]);
    const bytes = [...new Uint8Array(f.buffer)];
    expect([...mapLevels({ ...map, data: b64(bytes) }, 'f32', null)]).toEqual([0, 1]);
  });
  it('a flat map is all zeros, not NaN', () => {
    expect([...mapLevels({ ...map, min: 2, max: 2 }, 'u8', null)]).toEqual([0, 0]);
  });
});

describe('layout and colours', () => {
  const cols: [number, number][] = [
    [1, 1],
    [6, 6],
    [32, 8],
    [64, 16],
    [512, 32],
  ];
  for (const [n, c] of cols) it(`${n} maps -> ${c} columns`, () => expect(gridColumns(n)).toBe(c));
  it('layer range spans all maps', () => {
    expect(
      layerRange([
        { channel: 0, min: -2, max: 1, width: 1, height: 1, data: '' },
        { channel: 1, min: 0, max: 5, width: 1, height: 1, data: '' },
      ]),
    ).toEqual({ min: -2, max: 5 });
  });
  it('viridis runs from dark purple to yellow; grey is linear', () => {
    const v = lut('viridis');
    [68, 1, 84].forEach((c, i) => expect(Math.abs((v[i] ?? 0) - c)).toBeLessThanOrEqual(3));
    expect(Math.abs((v[765] ?? 0) - 253)).toBeLessThanOrEqual(2);
    expect(Math.abs((v[766] ?? 0) - 231)).toBeLessThanOrEqual(2);
    expect(cssColor('grey', 0.5)).toBe('rgb(128,128,128)');
  });
});
