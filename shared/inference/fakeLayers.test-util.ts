// Small stand-ins for the layer catalog, so the inference is tested on its own.
import { failureOf, success } from '../api/outcome';
import type { Params, Shape } from '../graph/types';
import type { LayerDef, ParamSpec, ShapeOutcome, WeightSpec } from '../layers/types';

const num = (p: Params, k: string, d: number): number => {
  const v = p[k];
  return typeof v === 'number' ? v : d;
};
const pair = (p: Params, k: string, d: number): [number, number] => {
  const v = p[k];
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return [d, d];
};
const last = (s: Shape): number => s[s.length - 1] ?? 0;

function fake(
  className: string,
  params: ParamSpec[],
  inputs: { min: number; max: number },
  outputShape: (i: readonly Shape[], p: Params) => ShapeOutcome,
  weights: (i: readonly Shape[], p: Params) => WeightSpec[] = () => [],
): LayerDef {
  return {
    className,
    family: 'core',
    summary: '',
    explanation: '',
    params,
    inputs,
    outputShape,
    weights,
    toConfig: () => ({}),
    fromConfig: () => ({ params: {}, unsupported: [] }),
    describe: () => '',
  };
}

const spatial = (size: number | null, k: number, stride: number, padding: string): number | null =>
  size === null ? null : padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - k) / stride) + 1;

export const fakeDefs: LayerDef[] = [
  fake('InputLayer', [{ name: 'batch_shape', type: 'shape', default: [null, 28, 28, 1], help: '' }], { min: 0, max: 0 }, (_i, p) => {
    const s = p['batch_shape'];
    return success(Array.isArray(s) ? s.map((d) => (typeof d === 'number' ? d : null)) : [null]);
  }),
  fake(
    'Conv2D',
    [
      { name: 'filters', type: 'int', min: 1, default: 32, help: '' },
      { name: 'kernel_size', type: 'tuple', length: 2, default: [3, 3], help: '' },
      { name: 'padding', type: 'enum', options: ['valid', 'same'], default: 'valid', help: '' },
      { name: 'activation', type: 'activation', default: 'linear', help: '' },
    ],
    { min: 1, max: 1 },
    ([i], p) => {
      const s = i ?? [];
      const [kh, kw] = pair(p, 'kernel_size', 3);
      const pad = p['padding'] === 'same' ? 'same' : 'valid';
      const h = spatial(s[1] ?? null, kh, 1, pad);
      const w = spatial(s[2] ?? null, kw, 1, pad);
      if ((h !== null && h <= 0) || (w !== null && w <= 0))
        return failureOf({
          code: 'spatial-size',
          message: `has a ${kh}×${kw} kernel but its input is only ${s[1]}×${s[2]}; use padding 'same' or a smaller kernel.`,
          param: 'kernel_size',
        });
      return success([null, h, w, num(p, 'filters', 32)]);
    },
    ([i], p) => {
      const [kh, kw] = pair(p, 'kernel_size', 3);
      const f = num(p, 'filters', 32);
      return [
        { name: 'kernel', shape: [kh, kw, last(i ?? []), f], trainable: true },
        { name: 'bias', shape: [f], trainable: true },
      ];
    },
  ),
  fake(
    'MaxPooling2D',
    [
      { name: 'pool_size', type: 'tuple', length: 2, default: [2, 2], help: '' },
      { name: 'strides', type: 'tuple', length: 2, nullable: true, default: null, help: '' },
      { name: 'padding', type: 'enum', options: ['valid', 'same'], default: 'valid', help: '' },
    ],
    { min: 1, max: 1 },
    ([i], p) => {
      const s = i ?? [];
      const [ph, pw] = pair(p, 'pool_size', 2);
      const [sh, sw] = p['strides'] ? pair(p, 'strides', 1) : [ph, pw];
      const pad = p['padding'] === 'same' ? 'same' : 'valid';
      const h = spatial(s[1] ?? null, ph, sh, pad);
      const w = spatial(s[2] ?? null, pw, sw, pad);
      if ((h !== null && h <= 0) || (w !== null && w <= 0)) return failureOf({ code: 'spatial-size', message: 'window is larger than its input.' });
      return success([null, h, w, last(s)]);
    },
  ),
  fake('Flatten', [], { min: 1, max: 1 }, ([i]) => success([null, (i ?? []).slice(1).reduce<number>((a, d) => a * (d ?? 0), 1)])),
  fake(
    'Dense',
    [
      { name: 'units', type: 'int', min: 1, default: 10, help: '' },
      { name: 'activation', type: 'activation', default: 'linear', help: '' },
    ],
    { min: 1, max: 1 },
    ([i], p) => success([...(i ?? []).slice(0, -1), num(p, 'units', 10)]),
    ([i], p) => [
      { name: 'kernel', shape: [last(i ?? []), num(p, 'units', 10)], trainable: true },
      { name: 'bias', shape: [num(p, 'units', 10)], trainable: true },
    ],
  ),
  fake('Dropout', [{ name: 'rate', type: 'float', min: 0, max: 1, exclusiveMax: true, default: 0.5, help: '' }], { min: 1, max: 1 }, ([i]) => success(i ?? [])),
  fake(
    'BatchNormalization',
    [],
    { min: 1, max: 1 },
    ([i]) => success(i ?? []),
    ([i]) => [
      { name: 'gamma', shape: [last(i ?? [])], trainable: true },
      { name: 'beta', shape: [last(i ?? [])], trainable: true },
      { name: 'moving_mean', shape: [last(i ?? [])], trainable: false },
      { name: 'moving_variance', shape: [last(i ?? [])], trainable: false },
    ],
  ),
  fake('Add', [], { min: 2, max: Number.POSITIVE_INFINITY }, (i) => {
    const first = i[0] ?? [];
    for (const s of i) {
      if (s.length !== first.length || s.some((d, k) => d !== null && first[k] !== null && d !== first[k])) {
        return failureOf({ code: 'merge-shape', message: 'gets inputs of different shapes; make the branches produce the same shape.' });
      }
    }
    return success(first);
  }),
  fake('Concatenate', [], { min: 2, max: Number.POSITIVE_INFINITY }, (i) => {
    const first = i[0] ?? [];
    return success([...first.slice(0, -1), i.reduce<number>((a, s) => a + last(s), 0)]);
  }),
];

export const fakeGetDef = (name: string): LayerDef | undefined => fakeDefs.find((d) => d.className === name);
