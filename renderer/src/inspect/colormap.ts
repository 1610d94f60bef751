/**
 * Colour maps for feature maps and weights, as 256-entry RGB lookup tables. Viridis is
 * perceptually uniform (equal steps look equal, so bright spots are not artefacts of the palette); it is computed from a polynomial fit of matplotlib's table
 * (max error about 1/255), so no 768-number table sits in the source.
 */
import type { ColormapName } from '../state/inspectStore';

// The names are the Inspect setting's (state/inspectStore); the tables for them are here.
export type { ColormapName };

export type Lut = Uint8ClampedArray; // 256 × 3

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// Polynomial coefficients (Matt Zucker's fit of viridis, public domain), per channel, c0..c6.
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

function viridisAt(t: number): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    let v = 0;
    for (let k = VIRIDIS.length - 1; k >= 0; k--) v = v * t + (VIRIDIS[k]?.[ch] ?? 0);
    out[ch] = Math.round(clamp01(v) * 255);
  }
  return out;
}

/** Blue (negative) – near-white (0) – red (positive), for weights. */
function divergingAt(t: number): [number, number, number] {
  const u = t * 2 - 1;
  const a = Math.abs(u);
  const lo: [number, number, number] = [236, 236, 236];
  const hi: [number, number, number] = u < 0 ? [33, 102, 172] : [178, 24, 43];
  return [0, 1, 2].map((i) => Math.round((lo[i] ?? 0) + ((hi[i] ?? 0) - (lo[i] ?? 0)) * a)) as [number, number, number];
}

const cache = new Map<ColormapName, Lut>();

export function lut(name: ColormapName): Lut {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    const [r, g, b] = name === 'viridis' ? viridisAt(t) : name === 'diverging' ? divergingAt(t) : [i, i, i];
    table[i * 3] = r;
    table[i * 3 + 1] = g;
    table[i * 3 + 2] = b;
  }
  cache.set(name, table);
  return table;
}

/** CSS colour of a value in [0, 1]. */
export function cssColor(name: ColormapName, t: number): string {
  const table = lut(name);
  const i = Math.round(clamp01(t) * 255) * 3;
  return `rgb(${table[i] ?? 0},${table[i + 1] ?? 0},${table[i + 2] ?? 0})`;
}
