import { makeElementwiseDef } from './mergeCommon';

export const maximum = makeElementwiseDef('Maximum', {
  summary: 'Keeps the larger of its inputs, value by value.',
  explanation:
    'Maximum keeps, for every position, the largest value among two or more tensors of the same shape. ' +
    'Use it to combine branches where the strongest response should win (as in maxout units). ' +
    'A size of 1 is broadcast; it has no parameters.',
});
