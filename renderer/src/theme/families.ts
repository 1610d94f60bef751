import type { Family } from '../../../shared/layers/types';

/** Human names for the palette groups, in palette order. */
export const familyLabels: Record<Family, string> = {
  input: 'Input',
  convolution: 'Convolution',
  pooling: 'Pooling',
  core: 'Core',
  regularization: 'Regularization',
  normalization: 'Normalization',
  activation: 'Activation',
  merge: 'Merge',
};
