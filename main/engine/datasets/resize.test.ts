import { describe, expect, it } from 'vitest';
import { axisTaps, resizeInto } from './resize';

function gray(width: number, height: number, values: readonly number[]) {
  const rgba = new Uint8Array(width * height * 4);
  values.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
  return { width, height, rgba };
}

describe('resize', () => {
  it.each([
    { name: 'identity', w: 3, out: 3, values: [10, 20, 30], expected: [10, 20, 30] },
    { name: 'area 4→2 averages pairs', w: 4, out: 2, values: [0, 100, 200, 200], expected: [50, 200] },
    { name: 'area 3→2 weights partial pixels', w: 3, out: 2, values: [0, 90, 180], expected: [30, 150] },
    { name: 'bilinear 2→4 at half-pixel centres', w: 2, out: 4, values: [0, 100], expected: [0, 25, 75, 100] },
  ])('$name', ({ w, out, values, expected }) => {
    const px = new Uint8Array(out);
    resizeInto(gray(w, 1, values), 1, out, 1, px);
    expect([...px]).toEqual(expected);
  });
  it('weights sum to 1 for every output position', () => {
    for (const [a, b] of [
      [500, 50],
      [375, 50],
      [28, 28],
      [7, 50],
    ] as const) {
      const t = axisTaps(a, b);
      for (let o = 0; o < b; o++) {
        let sum = 0;
        for (let k = t.start[o] ?? 0; k < (t.start[o + 1] ?? 0); k++) sum += t.weight[k] ?? 0;
        expect(sum).toBeCloseTo(1, 5);
      }
    }
  });
  it('converts RGB to gray with tf.image.rgb_to_grayscale weights and drops alpha', () => {
    const img = { width: 1, height: 1, rgba: Uint8Array.from([255, 0, 0, 7]) };
    const g = new Uint8Array(1);
    resizeInto(img, 1, 1, 1, g);
    expect(g[0]).toBe(76);
    const rgb = new Uint8Array(3);
    resizeInto(img, 1, 1, 3, rgb);
    expect([...rgb]).toEqual([255, 0, 0]);
  });
});
