import type { JsonValue } from '../json';
import type { ParamSpec } from './types';

/** Standard parameter specs shared by many layers (Keras 3 names, defaults and ranges). */

// Each helper keeps its spec's name (and nullability) as a literal type, so a layer's typed
// config (layerConfig.ts) knows every key it has.

export function activationSpec(defaultName = 'linear', key = true) {
  return {
    name: 'activation',
    type: 'activation',
    default: defaultName,
    key,
    help: 'Function applied to the output (linear = none); relu is the usual choice inside a network, softmax on a classifier output.',
  } as const satisfies ParamSpec;
}

export const useBiasSpec = {
  name: 'use_bias',
  type: 'bool',
  default: true,
  advanced: true,
  help: 'Add a learned bias to every output; turn off when a BatchNormalization follows.',
} as const satisfies ParamSpec;

export function initializerSpec<const N extends string>(name: N, className: string, help: string) {
  const config: { [key: string]: JsonValue } = className === 'Zeros' || className === 'Ones' ? {} : { seed: null, input_axes: null, output_axes: null };
  return { name, type: 'initializer', default: { class_name: className, config }, advanced: true, help } as const satisfies ParamSpec;
}

export function regularizerSpec<const N extends string>(name: N, help: string) {
  return { name, type: 'regularizer', default: null, advanced: true, help } as const satisfies ParamSpec;
}

export function constraintSpec<const N extends string>(name: N, help: string) {
  return { name, type: 'constraint', default: null, advanced: true, help } as const satisfies ParamSpec;
}

interface PairOptions {
  readonly key?: boolean;
  readonly min?: number;
  readonly advanced?: boolean;
}

/** A (height, width) pair of whole numbers, 1 or more unless `min` says otherwise. */
export function pairSpec<const N extends string>(name: N, defaultValue: readonly [number, number], help: string, opts: PairOptions = {}) {
  return {
    name,
    type: 'tuple',
    length: 2,
    min: opts.min ?? 1,
    default: defaultValue,
    help,
    ...(opts.key ? { key: true } : {}),
    ...(opts.advanced ? { advanced: true } : {}),
  } as const satisfies ParamSpec;
}

/** A pair that may be unset (null): pooling strides (then pool_size), output_padding (then Keras chooses). */
export function nullablePairSpec<const N extends string>(name: N, help: string, opts: PairOptions = {}) {
  return { ...pairSpec(name, [1, 1], help, opts), nullable: true, default: null } as const satisfies ParamSpec;
}

export const paddingSpec = {
  name: 'padding',
  type: 'enum',
  options: ['valid', 'same'],
  default: 'valid',
  help: "'valid' uses no padding, so the output shrinks; 'same' pads the edges so that with stride 1 the output keeps the input's size.",
} as const satisfies ParamSpec;

export const seedSpec = {
  name: 'seed',
  type: 'int',
  nullable: true,
  min: 0,
  default: null,
  advanced: true,
  help: 'Random seed for the dropout mask (empty: a different mask every run).',
} as const satisfies ParamSpec;

/** Kernel / bias specs of a convolution or Dense layer (kernel_* and bias_*). */
export function kernelBiasSpecs<const K extends string>(kernel: K) {
  const words = kernel.replace('_', ' ');
  return [
    initializerSpec(`${kernel}_initializer` as const, 'GlorotUniform', `How the ${words} weights start before training.`),
    initializerSpec('bias_initializer', 'Zeros', 'How the biases start before training.'),
    regularizerSpec(`${kernel}_regularizer` as const, `Penalty on large ${words} weights (L1, L2 or L1L2) added to the loss; fights overfitting.`),
    regularizerSpec('bias_regularizer', 'Penalty on large biases added to the loss.'),
    regularizerSpec('activity_regularizer', "Penalty on the layer's outputs added to the loss."),
    constraintSpec(`${kernel}_constraint` as const, `Limit applied to the ${words} weights after each update (MaxNorm, NonNeg, UnitNorm, MinMaxNorm).`),
    constraintSpec('bias_constraint', 'Limit applied to the biases after each update.'),
  ] as const;
}

/**
 * Config keys of a layer with activation, use_bias and kernelBiasSpecs(kernel), in the order Keras
 * writes them (Dense and every convolution base class share it).
 */
export function activationKernelBiasKeys(kernel: string): string[] {
  return [
    'activation',
    'use_bias',
    `${kernel}_initializer`,
    'bias_initializer',
    `${kernel}_regularizer`,
    'bias_regularizer',
    'activity_regularizer',
    `${kernel}_constraint`,
    'bias_constraint',
  ];
}
