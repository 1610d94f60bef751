import { failure, success, type Outcome } from '../api/outcome';
import type { CellDetail, CellResult } from '../api/inspectCompute';
import { activationFn, reluLayer } from './activationFns';

/**
 * Redoes one output cell's arithmetic from the ingredients the engine sent (the window of the
 * layer's input, the weights, the layer's numbers): every product, the sums, the bias and the
 * activation. The detail view shows these steps and compares the result with the model's value.
 */

export interface Term {
  /** Kernel tap (row a, column b) and input channel; for Dense the input index in `channel`. */
  readonly a: number;
  readonly b: number;
  readonly channel: number;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

export type Steps =
  | {
      readonly kind: 'conv';
      readonly terms: readonly Term[];
      readonly perChannel: readonly { channel: number; sum: number }[];
      /** SeparableConv2D: the depthwise results and their pointwise weights. */
      readonly pointwise: readonly { index: number; d: number; w: number; product: number }[] | null;
      readonly sum: number;
      readonly bias: number | null;
      readonly z: number;
    }
  | {
      readonly kind: 'pool';
      readonly op: 'max' | 'avg';
      readonly window: readonly (number | null)[];
      readonly winner: number | null;
      readonly count: number;
      readonly z: number;
    }
  | {
      readonly kind: 'dense';
      readonly count: number;
      readonly positive: readonly Term[];
      readonly negative: readonly Term[];
      readonly sum: number;
      readonly bias: number | null;
      readonly z: number;
    }
  | { readonly kind: 'batchnorm'; readonly normalised: number; readonly z: number }
  | { readonly kind: 'activation'; readonly z: number }
  | { readonly kind: 'merge'; readonly z: number }
  | { readonly kind: 'other'; readonly z: number };

export interface Computation {
  readonly steps: Steps;
  /** The activation applied after the layer's own arithmetic ('linear': none). */
  readonly activation: string;
  readonly formula: string;
  /** What the arithmetic gives, and how far it is from the model's value. */
  readonly value: number;
  readonly modelValue: number;
  readonly difference: number;
}

function convSteps(d: Extract<CellDetail, { kind: 'conv' }>): Extract<Steps, { kind: 'conv' }> {
  const [kh, kw] = d.kernel;
  const nc = d.channels.length;
  const terms: Term[] = [];
  const sums = new Array<number>(nc).fill(0);
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      for (let k = 0; k < nc; k++) {
        const i = (a * kw + b) * nc + k;
        const x = d.patch[i] ?? 0;
        if (d.variant === 'SeparableConv2D') continue;
        const w = d.weights[i] ?? 0;
        terms.push({ a, b, channel: d.channels[k] ?? k, x, w, product: x * w });
        sums[k] = (sums[k] ?? 0) + x * w;
      }
    }
  }
  let pointwise: { index: number; d: number; w: number; product: number }[] | null = null;
  if (d.variant === 'SeparableConv2D') {
    const m = d.depthMultiplier;
    pointwise = [];
    for (let k = 0; k < nc; k++) {
      for (let j = 0; j < m; j++) {
        let dv = 0;
        for (let a = 0; a < kh; a++) {
          for (let b = 0; b < kw; b++) {
            const x = d.patch[(a * kw + b) * nc + k] ?? 0;
            const w = d.weights[((a * kw + b) * nc + k) * m + j] ?? 0;
            dv += x * w;
            terms.push({ a, b, channel: d.channels[k] ?? k, x, w, product: x * w });
          }
        }
        const pw = d.pointwise?.[k * m + j] ?? 0;
        pointwise.push({ index: k * m + j, d: dv, w: pw, product: dv * pw });
        sums[k] = (sums[k] ?? 0) + dv * pw;
      }
    }
  }
  const sum = sums.reduce((s, v) => s + v, 0);
  return {
    kind: 'conv',
    terms,
    perChannel: sums.map((s, k) => ({ channel: d.channels[k] ?? k, sum: s })),
    pointwise,
    sum,
    bias: d.bias,
    z: sum + (d.bias ?? 0),
  };
}

function poolSteps(d: Extract<CellDetail, { kind: 'pool' }>): Extract<Steps, { kind: 'pool' }> {
  let winner: number | null = null;
  let total = 0;
  let count = 0;
  d.window.forEach((v, i) => {
    if (v === null) return;
    count++;
    total += v;
    const best = winner === null ? undefined : d.window[winner];
    if (best === undefined || best === null || v > best) winner = i;
  });
  const best = winner === null ? 0 : (d.window[winner] ?? 0);
  return {
    kind: 'pool',
    op: d.op,
    window: d.window,
    winner: d.op === 'max' ? winner : null,
    count,
    z: d.op === 'max' ? best : count === 0 ? 0 : total / count,
  };
}

function denseSteps(d: Extract<CellDetail, { kind: 'dense' }>): Extract<Steps, { kind: 'dense' }> {
  const terms: Term[] = d.inputs.map((x, i) => ({ a: 0, b: 0, channel: i, x, w: d.weights[i] ?? 0, product: x * (d.weights[i] ?? 0) }));
  const sum = terms.reduce((s, t) => s + t.product, 0);
  const positive = terms
    .filter((t) => t.product > 0)
    .sort((p, q) => q.product - p.product)
    .slice(0, 10);
  const negative = terms
    .filter((t) => t.product < 0)
    .sort((p, q) => p.product - q.product)
    .slice(0, 10);
  return { kind: 'dense', count: terms.length, positive, negative, sum, bias: d.bias, z: sum + (d.bias ?? 0) };
}

function finish(steps: Steps, activation: string, vector: readonly number[] | null, modelValue: number, formulaOverride?: string): Outcome<Computation> {
  const fn = activationFn(activation);
  if (fn === null) return failure(`The activation '${activation}' is not one the detail view can redo; pick a layer after it.`);
  // Softmax's own input is recomputed here; the rest of the axis comes from the engine.
  const value = fn.apply(steps.z, vector);
  return success({ steps, activation, formula: formulaOverride ?? fn.formula, value, modelValue, difference: Math.abs(value - modelValue) });
}

/** The arithmetic of `result`'s cell, or why it cannot be redone. */
export function computeCell(result: CellResult): Outcome<Computation> {
  const d = result.detail;
  const act = result.activation;
  switch (d.kind) {
    case 'conv':
      return finish(convSteps(d), act, null, result.value);
    case 'pool':
      return finish(poolSteps(d), 'linear', null, result.value);
    case 'dense': {
      const steps = denseSteps(d);
      const logits = d.logits === null ? null : d.logits.map((z, i) => (i === result.cell.channel ? steps.z : z));
      return finish(steps, act, logits, result.value);
    }
    case 'batchnorm': {
      const normalised = (d.x - d.mean) / Math.sqrt(d.variance + d.epsilon);
      return finish({ kind: 'batchnorm', normalised, z: normalised * d.gamma + d.beta }, 'linear', null, result.value, 'y = (x − mean) / √(var + ε) · γ + β');
    }
    case 'activation': {
      if (result.className === 'ReLU' || result.className === 'LeakyReLU') {
        const slope = d.negativeSlope ?? (result.className === 'LeakyReLU' ? 0.3 : 0);
        const max = d.maxValue ?? null;
        const threshold = d.threshold ?? 0;
        const z = reluLayer(d.x, slope, max, threshold);
        const formula = `f(x) = ${max === null ? '' : `${max} if x ≥ ${max}; `}x if x ≥ ${threshold}; ${slope} · (x − ${threshold}) otherwise`;
        return finish({ kind: 'activation', z }, 'linear', null, result.value, formula);
      }
      const fn = d.fn;
      const found = activationFn(fn);
      if (found === null) return failure(`The activation '${fn}' is not one the detail view can redo.`);
      return success({
        steps: { kind: 'activation', z: d.x },
        activation: fn,
        formula: found.formula,
        value: found.apply(d.x, d.vector),
        modelValue: result.value,
        difference: Math.abs(found.apply(d.x, d.vector) - result.value),
      });
    }
    case 'merge': {
      const v = d.inputs.map((i) => i.value);
      const ops: Readonly<Record<string, [string, (xs: number[]) => number]>> = {
        Add: ['y = Σ inputs', (xs) => xs.reduce((s, x) => s + x, 0)],
        Subtract: ['y = a − b', (xs) => (xs[0] ?? 0) - (xs[1] ?? 0)],
        Multiply: ['y = Π inputs', (xs) => xs.reduce((s, x) => s * x, 1)],
        Average: ['y = mean of the inputs', (xs) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)],
        Maximum: ['y = max of the inputs', (xs) => Math.max(...xs)],
        Concatenate: ['y = the input this channel comes from', (xs) => xs[0] ?? 0],
      };
      const op = ops[d.op] ?? ops['Concatenate'];
      if (op === undefined) return failure(`Unknown merge '${d.op}'.`);
      return finish({ kind: 'merge', z: op[1](v) }, act, null, result.value, op[0]);
    }
    case 'other': {
      const x = d.inputs[0]?.value ?? 0;
      const scaled = d.scale === undefined ? x : x * d.scale + (d.offset ?? 0);
      return finish({ kind: 'other', z: scaled }, 'linear', null, result.value, d.scale === undefined ? 'y = x' : `y = x · ${d.scale} + ${d.offset ?? 0}`);
    }
  }
}
