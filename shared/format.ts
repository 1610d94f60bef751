import type { GraphNode, Shape } from './graph/types';

/** A shape as Keras prints it: [null, 26, 26, 32] -> "(None, 26, 26, 32)". */
export function formatShape(shape: Shape): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** How every message names a block: "Conv2D 'conv2d_1'". */
export function blockLabel(node: Pick<GraphNode, 'kind' | 'name'>): string {
  return `${node.kind} '${node.name}'`;
}

/** Thousands separators as Python's `f"{n:,}"`: 1199882 -> "1,199,882". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'more than can be counted' : 'an unknown number of';
  const sign = n < 0 ? '-' : '';
  // BigInt writes every digit (String(7.86e25) would be "7.86e+25", and commas would mangle it).
  const digits = BigInt(Math.trunc(Math.abs(n))).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Python's `"{:.2f}".format(x)` for x = numerator / 2^shift (exact binary fractions, which is what
 * byte counts divided by 1024 are): rounds half to even like Python, where JS toFixed rounds up.
 */
function fixed2(numerator: bigint, shift: bigint): string {
  const scaled = numerator * 100n;
  const denominator = 1n << shift;
  let q = scaled / denominator;
  const twice = (scaled % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Keras's readable_memory_size: 4798528 -> "4.58 MB" (1024-based, two decimals). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  const n = BigInt(Math.round(bytes));
  let shift = 0n;
  for (let i = 0; i < units.length - 1; i++) {
    if (n < 1n << (shift + 10n)) return `${fixed2(n, shift)} ${units[i]}`;
    shift += 10n;
  }
  return `${fixed2(n, shift)} ${units[units.length - 1]}`;
}
