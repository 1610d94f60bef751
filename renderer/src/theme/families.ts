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

/** The CSS variable holding a family's colour (defined per theme in theme.css). */
export function familyColor(family: Family): string {
  return `var(--family-${family})`;
}
