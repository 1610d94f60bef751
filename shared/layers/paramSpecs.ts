import type { JsonValue } from '../json';
import type { ParamSpec } from './types';

/** Standard parameter specs shared by many layers (Keras 3 names, defaults and ranges). */

export function activationSpec(defaultName = 'linear', key = true): ParamSpec {
  return { name: 'activation', type: 'activation', default: defaultName, key, help: 'Function applied to the output (linear = none); relu is the usual choice inside a network, softmax on a classifier output.' };
}

export const useBiasSpec: ParamSpec = { name: 'use_bias', type: 'bool', default: true, advanced: true, help: 'Add a learned bias to every output; turn off when a BatchNormalization follows.' };

export function initializerSpec(name: string, className: string, help: string): ParamSpec {
  const config: { [key: string]: JsonValue } =
    className === 'Zeros' || className === 'Ones' ? {} : { seed: null, input_axes: null, output_axes: null };
  return { name, type: 'initializer', default: { class_name: className, config }, advanced: true, help };
}

export function regularizerSpec(name: string, help: string): ParamSpec {
  return { name, type: 'regularizer', default: null, advanced: true, help };
}

export function constraintSpec(name: string, help: string): ParamSpec {
  return { name, type: 'constraint', default: null, advanced: true, help };
}

export function pairSpec(name: string, defaultValue: JsonValue, help: string, opts: { key?: boolean; min?: number; nullable?: boolean; advanced?: boolean } = {}): ParamSpec {
  const spec: ParamSpec = { name, type: 'tuple', length: 2, min: opts.min ?? 1, default: defaultValue, help };
  return {
    ...spec,
    ...(opts.nullable ? { nullable: true } : {}),
    ...(opts.key ? { key: true } : {}),
    ...(opts.advanced ? { advanced: true } : {}),
  };
}

export const paddingSpec: ParamSpec = {
  name: 'padding', type: 'enum', options: ['valid', 'same'], default: 'valid',
  help: "'valid' uses no padding, so the output shrinks; 'same' pads the edges so that with stride 1 the output keeps the input's size.",
};

export const seedSpec: ParamSpec = { name: 'seed', type: 'int', nullable: true, min: 0, default: null, advanced: true, help: 'Random seed for the dropout mask (empty: a different mask every run).' };

/** Kernel / bias specs of a convolution or Dense layer (kernel_* and bias_*). */
export function kernelBiasSpecs(kernel = 'kernel'): ParamSpec[] {
  return [
    initializerSpec(`${kernel}_initializer`, 'GlorotUniform', `How the ${kernel.replace('_', ' ')} weights start before training.`),
    initializerSpec('bias_initializer', 'Zeros', 'How the biases start before training.'),
    regularizerSpec(`${kernel}_regularizer`, `Penalty on large ${kernel.replace('_', ' ')} weights (L1, L2 or L1L2) added to the loss; fights overfitting.`),
    regularizerSpec('bias_regularizer', 'Penalty on large biases added to the loss.'),
    regularizerSpec('activity_regularizer', "Penalty on the layer's outputs added to the loss."),
    constraintSpec(`${kernel}_constraint`, `Limit applied to the ${kernel.replace('_', ' ')} weights after each update (MaxNorm, NonNeg, UnitNorm, MinMaxNorm).`),
    constraintSpec('bias_constraint', 'Limit applied to the biases after each update.'),
  ];
}
