/**
 * The activation functions as the engine (TensorFlow.js) computes them, with the formula the detail
 * view prints. `vector` is softmax's axis (the cell's own input included).
 */

export interface ActivationFn {
  readonly formula: string;
  apply(x: number, vector: readonly number[] | null): number;
}

function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): enough for values checked to 1e-5.
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number) => Math.log1p(Math.exp(x));

function softmax(x: number, vector: readonly number[] | null): number {
  const v = vector ?? [x];
  const max = Math.max(...v);
  const den = v.reduce((s, z) => s + Math.exp(z - max), 0);
  return Math.exp(x - max) / den;
}

const table: Readonly<Record<string, ActivationFn>> = {
  linear: { formula: 'f(z) = z', apply: (x) => x },
  relu: { formula: 'f(z) = max(0, z)', apply: (x) => Math.max(0, x) },
  relu6: { formula: 'f(z) = min(max(0, z), 6)', apply: (x) => Math.min(Math.max(0, x), 6) },
  sigmoid: { formula: 'f(z) = 1 / (1 + e^−z)', apply: sigmoid },
  tanh: { formula: 'f(z) = tanh(z)', apply: Math.tanh },
  softmax: { formula: 'f(z_i) = e^(z_i − max z) / Σ_j e^(z_j − max z)', apply: softmax },
  elu: { formula: 'f(z) = z if z > 0, else e^z − 1', apply: (x) => (x > 0 ? x : Math.expm1(x)) },
  selu: {
    formula: 'f(z) = 1.0507 · (z if z > 0, else 1.67326 · (e^z − 1))',
    apply: (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * Math.expm1(x)),
  },
  softplus: { formula: 'f(z) = ln(1 + e^z)', apply: softplus },
  softsign: { formula: 'f(z) = z / (1 + |z|)', apply: (x) => x / (1 + Math.abs(x)) },
  silu: { formula: 'f(z) = z · sigmoid(z)', apply: (x) => x * sigmoid(x) },
  swish: { formula: 'f(z) = z · sigmoid(z)', apply: (x) => x * sigmoid(x) },
  gelu: { formula: 'f(z) = z · ½ · (1 + erf(z / √2))', apply: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)) },
  hard_sigmoid: { formula: 'f(z) = clip(0.2 · z + 0.5, 0, 1)', apply: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)) },
  mish: { formula: 'f(z) = z · tanh(ln(1 + e^z))', apply: (x) => x * Math.tanh(softplus(x)) },
  exponential: { formula: 'f(z) = e^z', apply: Math.exp },
};

export function activationFn(name: string): ActivationFn | null {
  return table[name] ?? null;
}

/** Keras's ReLU layer: max_value, negative_slope and threshold. */
export function reluLayer(x: number, negativeSlope: number, maxValue: number | null, threshold: number): number {
  if (maxValue !== null && x >= maxValue) return maxValue;
  if (x >= threshold) return x;
  return negativeSlope * (x - threshold);
}
