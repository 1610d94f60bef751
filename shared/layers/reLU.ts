import { makeCodec } from './configCodec';
import { sameShape } from './activationCommon';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';

const maxValue = {
  name: 'max_value',
  type: 'float',
  min: 0,
  nullable: true,
  default: null,
  key: true,
  help: 'Upper limit of the output (6 gives ReLU6, as in MobileNet); empty for no limit.',
} as const satisfies ParamSpec;
const negativeSlope = {
  name: 'negative_slope',
  type: 'float',
  min: 0,
  default: 0.0,
  help: 'Slope for values below the threshold (0 = plain ReLU; small values make it leaky).',
} as const satisfies ParamSpec;
const threshold = { name: 'threshold', type: 'float', min: 0, default: 0.0, help: 'Values below this count as "negative".' } as const satisfies ParamSpec;
const params = [maxValue, negativeSlope, threshold] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as reLUConfig };
const codec = makeCodec(params, ['max_value', 'negative_slope', 'threshold']);

export const reLU: LayerDef = {
  className: 'ReLU',
  family: 'activation',
  summary: 'Rectified linear unit: keeps positive values, zeroes the negative ones.',
  explanation:
    'ReLU passes positive values through unchanged and replaces negative ones by zero; it is the standard activation inside CNNs because it is cheap and trains well. ' +
    'Use this block when the activation should be a separate step (after BatchNormalization, for instance). ' +
    'max_value caps the output (6 gives ReLU6), negative_slope lets a little of the negative side through, threshold moves the bend.',
  ...weightlessLayer(params, codec),
  outputShape: sameShape,
  describe(p) {
    const parts: string[] = [];
    const { max_value: max, negative_slope: slope, threshold: t } = config(p);
    if (max !== null) parts.push(`max ${max}`);
    if (slope !== 0) parts.push(`slope ${slope}`);
    if (t !== 0) parts.push(`threshold ${t}`);
    return parts.join(', ');
  },
};
