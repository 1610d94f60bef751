import { nullableNumberParam, numberParam } from './common';
import { makeCodec } from './configCodec';
import { sameShape } from './activationCommon';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const maxValue: ParamSpec = { name: 'max_value', type: 'float', min: 0, nullable: true, default: null, key: true, help: 'Upper limit of the output (6 gives ReLU6, as in MobileNet); empty for no limit.' };
const negativeSlope: ParamSpec = { name: 'negative_slope', type: 'float', min: 0, default: 0.0, help: 'Slope for values below the threshold (0 = plain ReLU; small values make it leaky).' };
const threshold: ParamSpec = { name: 'threshold', type: 'float', min: 0, default: 0.0, help: 'Values below this count as "negative".' };
const params: readonly ParamSpec[] = [maxValue, negativeSlope, threshold];
const codec = makeCodec(params, ['max_value', 'negative_slope', 'threshold']);

export const reLU: LayerDef = {
  className: 'ReLU',
  family: 'activation',
  summary: 'Rectified linear unit: keeps positive values, zeroes the negative ones.',
  explanation:
    'ReLU passes positive values through unchanged and replaces negative ones by zero; it is the standard activation inside CNNs because it is cheap and trains well. ' +
    'Use this block when the activation should be a separate step (after BatchNormalization, for instance). ' +
    'max_value caps the output (6 gives ReLU6), negative_slope lets a little of the negative side through, threshold moves the bend.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape: sameShape,
  weights: () => [],
  check: (_inputs, p) => paramIssues(params, p),
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const parts: string[] = [];
    const max = nullableNumberParam(p, maxValue);
    if (max !== null) parts.push(`max ${max}`);
    const slope = numberParam(p, negativeSlope);
    if (slope !== 0) parts.push(`slope ${slope}`);
    const t = numberParam(p, threshold);
    if (t !== 0) parts.push(`threshold ${t}`);
    return parts.join(', ');
  },
};
