import { makeElementwiseDef } from './mergeCommon';

export const subtract = makeElementwiseDef(
  'Subtract',
  {
    summary: 'Subtracts its second input from its first, value by value.',
    explanation:
      'Subtract computes first input minus second input, element by element, for exactly two tensors of the same shape. ' +
      'Use it to compare two branches, for instance the difference of two embeddings in a siamese network. ' +
      'The order of the connections matters; it has no parameters.',
  },
  2,
);
