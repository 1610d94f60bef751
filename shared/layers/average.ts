import { makeElementwiseDef } from './mergeCommon';

export const average = makeElementwiseDef('Average', {
  summary: 'Averages its inputs value by value.',
  explanation:
    'Average takes the element-wise mean of two or more tensors of the same shape. ' +
    'Use it to combine the predictions of several branches or models into an ensemble. ' +
    'A size of 1 is broadcast; it has no parameters.',
});
