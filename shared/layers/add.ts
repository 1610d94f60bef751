import { makeElementwiseDef } from './mergeCommon';

export const add = makeElementwiseDef('Add', {
  summary: 'Adds its inputs value by value (the skip connection of ResNet).',
  explanation:
    'Add sums two or more tensors of the same shape element by element. ' +
    'It is the heart of a residual (skip) connection: the input of a block is added to its output, which lets very deep networks train. ' +
    'Its inputs must have matching shapes (a size of 1 is broadcast); it has no parameters.',
});
