import { makeElementwiseDef } from './mergeCommon';

export const multiply = makeElementwiseDef('Multiply', {
  summary: 'Multiplies its inputs value by value (gating, attention).',
  explanation:
    'Multiply takes the element-wise product of two or more tensors of the same shape. ' +
    'Use it to let one branch gate another, as squeeze-and-excitation blocks and attention do: a sigmoid branch of shape (1, 1, C) scales every channel. ' +
    'A size of 1 is broadcast; it has no parameters.',
});
