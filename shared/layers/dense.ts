import { success } from '../api/outcome';
import { fail, formatShape, issue, missingInput, requireChannels, singleInput } from './common';
import { makeCodec } from './configCodec';
import { activationKernelBiasKeys, activationSpec, kernelBiasSpecs, useBiasSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef, LayerIssue, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const units = {
  name: 'units',
  type: 'int',
  min: 1,
  default: 128,
  key: true,
  help: 'How many neurons: the size of the output vector (the number of classes on a classifier output).',
} as const satisfies ParamSpec;

const params = [units, activationSpec(), useBiasSpec, ...kernelBiasSpecs('kernel')] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as denseConfig };

const codec = makeCodec(
  params,
  ['units', ...activationKernelBiasKeys('kernel'), { key: 'quantization_config', value: null }],
  // Keras 3 Dense leaves activity_regularizer out of its own config; the base Layer writes it
  // (right after dtype) only when set.
  { omitNull: ['activity_regularizer'] },
);

export const dense: LayerDef = {
  className: 'Dense',
  family: 'core',
  summary: 'A fully connected layer: every input connected to every neuron.',
  explanation:
    'A Dense layer connects every input value to every one of its neurons, each computing a weighted sum plus a bias, then the activation. ' +
    'Use it after Flatten (or global pooling) to combine features, and as the output layer: as many units as classes with softmax. ' +
    'More units give more capacity but more weights; the activation decides the output range.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null) return missingInput();
    if (shape.length < 2) return fail('input-rank', `expects at least a 2-D input (batch, features) but gets ${formatShape(shape)}`);
    const channels = requireChannels(shape);
    if (!channels.ok) return channels;
    // Keras's Dense acts on the last axis of any input: (None, 12, 12, 64) -> (None, 12, 12, units).
    return success([...shape.slice(0, -1), config(p).units]);
  },
  weights(inputs, p) {
    const shape = singleInput(inputs);
    if (shape === null || shape.length < 2) return [];
    const channels = requireChannels(shape);
    if (!channels.ok) return [];
    const { units: n, use_bias } = config(p);
    const kernel = { name: 'kernel', shape: [channels.value, n], trainable: true };
    return use_bias ? [kernel, { name: 'bias', shape: [n], trainable: true }] : [kernel];
  },
  check(inputs, p) {
    const issues: LayerIssue[] = paramIssues(params, p);
    const shape = singleInput(inputs);
    if (shape !== null && shape.length >= 4) {
      issues.push(
        issue(
          'dense-on-4d',
          `gets a ${shape.length}-D tensor ${formatShape(shape)} and acts only on its last axis; add a Flatten (or GlobalAveragePooling2D) before it`,
          undefined,
          'warning',
        ),
      );
    }
    return issues;
  },
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const { units: n, activation: a } = config(p);
    return a === 'linear' ? String(n) : `${n}, ${a}`;
  },
};
