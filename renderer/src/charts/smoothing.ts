/**
 * Exponential moving average with TensorBoard's debiasing: the first points are not pulled
 * towards 0. `weight` 0 = raw values, 0.99 = very smooth. Incremental: pass the state back in to
 * extend a curve without recomputing it.
 */
export interface EmaState {
  last: number;
  count: number;
}

export function newEma(): EmaState {
  return { last: 0, count: 0 };
}

export function emaNext(state: EmaState, value: number, weight: number): number {
  state.last = state.last * weight + (1 - weight) * value;
  state.count += 1;
  const debias = 1 - Math.pow(weight, state.count);
  return debias === 0 ? value : state.last / debias;
}

export function smooth(values: readonly number[], weight: number): number[] {
  const state = newEma();
  return values.map((v) => emaNext(state, v, weight));
}
