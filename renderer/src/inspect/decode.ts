import type { ActivationMap } from '../../../shared/api/inspect';

/** base64 -> bytes (browser atob; no Node Buffer in the renderer). */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A feature map's values in [0, 1] for colouring. 'map' stretches each map between its own
 * min and max (what the engine quantised to); 'layer' uses the whole layer's range, so quiet
 * channels look quiet.
 */
export function mapLevels(map: ActivationMap, encoding: 'u8' | 'f32', scale: { min: number; max: number } | null): Float32Array {
  const bytes = base64Bytes(map.data);
  const n = map.width * map.height;
  const out = new Float32Array(n);
  const span = map.max - map.min;
  if (encoding === 'f32') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n && i * 4 + 3 < bytes.length; i++) out[i] = view.getFloat32(i * 4, true);
  } else {
    for (let i = 0; i < n; i++) out[i] = map.min + ((bytes[i] ?? 0) / 255) * span;
  }
  const lo = scale === null ? map.min : scale.min;
  const range = (scale === null ? map.max : scale.max) - lo;
  for (let i = 0; i < n; i++) out[i] = range > 0 ? ((out[i] ?? 0) - lo) / range : 0;
  return out;
}

/** The raw value at a pixel of a u8/f32 map (for hover read-outs). */
export function layerRange(maps: readonly ActivationMap[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const m of maps) {
    if (m.min < min) min = m.min;
    if (m.max > max) max = m.max;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** Grid columns for n maps: the chapter's 4×8 for 32, wider for more. */
export function gridColumns(n: number): number {
  if (n <= 8) return Math.max(1, n);
  if (n <= 32) return 8;
  if (n <= 128) return 16;
  return 32;
}
