import { formatShape, issue, singleInput } from './common';
import { makeCodec } from './configCodec';
import { sameShape } from './activationCommon';
import { resolveAxis } from './normalizationCommon';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const axis = {
  name: 'axis',
  type: 'axis',
  default: -1,
  key: true,
  help: 'The axis whose values become probabilities summing to 1: -1, the last (the classes).',
} as const satisfies ParamSpec;
const params = [axis] as const;
const config = layerConfig(params);

/** The axis setting as a list (Keras accepts one axis or several). */
function axes(a: number | readonly number[]): readonly number[] {
  return typeof a === 'number' ? [a] : a;
}
const codec = makeCodec(params, ['axis']);

export const softmax: LayerDef = {
  className: 'Softmax',
  family: 'activation',
  summary: 'Turns scores into probabilities that sum to 1.',
  explanation:
    'Softmax turns a vector of scores into probabilities: every value becomes positive and together they sum to 1, the largest score getting the largest share. ' +
    'It belongs at the very end of a classifier, after a Dense layer with one unit per class. ' +
    'axis chooses which axis is turned into probabilities (the last by default).',
  params,
  inputs: { min: 1, max: 1 },
  outputShape: sameShape,
  weights: () => [],
  check(inputs, p) {
    const issues = paramIssues(params, p);
    const shape = singleInput(inputs);
    const a = config(p).axis;
    if (shape !== null && axes(a).some((x) => resolveAxis(x, shape.length) === null)) {
      issues.push(issue('bad-axis', `uses axis ${JSON.stringify(a)}, which its input ${formatShape(shape)} does not have; use -1`, 'axis'));
    }
    return issues;
  },
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const a = config(p).axis;
    return a === -1 ? '' : `axis ${axes(a).join(', ')}`;
  },
};
