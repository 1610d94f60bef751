/**
 * How far a kernel's result is from tfjs's: the largest |actual − expected| and the largest
 * |expected| (each test judges the first against its own tolerance, scaled by the second).
 */
export function difference(actual: ArrayLike<number>, expected: ArrayLike<number>): { worst: number; largest: number } {
  let worst = 0;
  let largest = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] ?? NaN;
    worst = Math.max(worst, Math.abs((actual[i] ?? NaN) - e));
    largest = Math.max(largest, Math.abs(e));
  }
  return { worst, largest };
}
