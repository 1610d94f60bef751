import { success } from '../api/outcome';
import { missingInput, singleInput } from './common';
import { channelsLast, makeCodec } from './configCodec';
import type { LayerDef } from './types';

const codec = makeCodec([], [channelsLast]);

export const flatten: LayerDef = {
  className: 'Flatten',
  family: 'core',
  summary: 'Unrolls an image of features into one long vector.',
  explanation:
    'Flatten lays all values of each example out in one row: a 12×12×64 feature map becomes a vector of 9,216 numbers. ' +
    'Put it between the convolution/pooling part of a CNN and its Dense layers, which expect vectors. ' +
    'It has no parameters and no weights; the vector length is the product of the input sizes.',
  params: [],
  inputs: { min: 1, max: 1 },
  outputShape(inputs) {
    const shape = singleInput(inputs);
    if (shape === null) return missingInput();
    const rest = shape.slice(1);
    if (rest.length === 0) return success([shape[0] ?? null, 1]);
    const size = rest.some((d) => d === null) ? null : rest.reduce<number>((a, d) => a * (d ?? 1), 1);
    return success([shape[0] ?? null, size]);
  },
  weights: () => [],
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe: () => '',
};
