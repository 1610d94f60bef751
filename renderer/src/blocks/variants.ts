import type { JsonValue } from '../../../shared/json';

/**
 * Conv2D and Dense default to a linear activation, as in Keras; what a learner means nine times
 * out of ten is one of these, so the palette offers them ready-made next to the plain class.
 */
export interface PaletteVariant {
  /** Drag data and test id: "Conv2D-relu". */
  readonly key: string;
  readonly className: string;
  readonly label: string;
  readonly params: { readonly [key: string]: JsonValue };
  readonly hint: string;
}

export const paletteVariants: readonly PaletteVariant[] = [
  {
    key: 'Conv2D-relu',
    className: 'Conv2D',
    label: 'Conv2D + ReLU',
    params: { activation: 'relu' },
    hint: 'A convolution followed by ReLU: the usual hidden convolution layer.',
  },
  {
    key: 'Dense-relu',
    className: 'Dense',
    label: 'Dense + ReLU',
    params: { activation: 'relu' },
    hint: 'A fully connected layer with ReLU: the usual hidden Dense layer.',
  },
  {
    key: 'Dense-softmax',
    className: 'Dense',
    label: 'Dense + softmax',
    params: { activation: 'softmax' },
    hint: 'A fully connected layer with softmax: the output layer of a classifier (units = classes).',
  },
];

/** What a palette key adds: a plain class ("Conv2D") or a variant ("Conv2D-relu") with its parameters. */
export function resolvePaletteKey(key: string): { readonly className: string; readonly params: { readonly [key: string]: JsonValue } } {
  const v = paletteVariants.find((x) => x.key === key);
  return v === undefined ? { className: key, params: {} } : { className: v.className, params: v.params };
}
