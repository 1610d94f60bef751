import type { Params } from '../graph/types';
import { formatShape, issue, singleInput } from './common';
import { sameShape } from './activationCommon';
import { makeCodec } from './configCodec';
import { seedSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef, LayerIssue, ParamSpec } from './types';
import { paramIssues } from './validateParam';
import { weightlessLayer } from './weightless';

export const rateSpec = {
  name: 'rate',
  type: 'float',
  min: 0,
  max: 1,
  default: 0.5,
  key: true,
  help: 'Fraction of the inputs set to zero at each training step (0.25 drops a quarter); no effect when predicting.',
} as const satisfies ParamSpec;
const noiseShape = {
  name: 'noise_shape',
  type: 'shape',
  nullable: true,
  withBatch: true,
  default: null,
  advanced: true,
  help: 'Shape of the dropout mask including the batch axis, e.g. None, 1, 1, 64 to drop whole channels; empty: drop values independently.',
} as const satisfies ParamSpec;
const params = [rateSpec, noiseShape, seedSpec] as const;
const config = layerConfig(params);
/** The one setting SpatialDropout2D shares with Dropout; its own specs may change only the help text. */
const rateConfig = layerConfig([rateSpec]);
/** The typed rate of Dropout and SpatialDropout2D, for readers outside the layer files (warnings). */
export { rateConfig as dropoutRateConfig };
const codec = makeCodec(params, ['rate', 'seed', 'noise_shape']);

/** Shared with SpatialDropout2D: Dropout's parameter validation plus the high-rate learner warning. */
export function dropoutChecks(specs: readonly ParamSpec[], p: Params): LayerIssue[] {
  const issues = paramIssues(specs, p);
  const { rate } = rateConfig(p);
  if (rate > 0.9) {
    issues.push(
      issue(
        'dropout-rate-high',
        `drops ${Math.round(rate * 100)}% of its inputs during training, which leaves too little signal to learn from; use a rate between 0.1 and 0.5`,
        'rate',
        'warning',
      ),
    );
  }
  return issues;
}

export const dropout: LayerDef = {
  className: 'Dropout',
  family: 'regularization',
  summary: 'Randomly switches off a fraction of the values while training, against overfitting.',
  explanation:
    'During training, Dropout sets a random fraction of its inputs to zero at every step (and scales the rest up), so the network cannot rely on any single value; when predicting it does nothing. ' +
    'Put it after Dense or pooling layers when the training accuracy runs far ahead of the validation accuracy. ' +
    'rate is the fraction dropped: 0.25–0.5 is typical, higher values slow learning down.',
  ...weightlessLayer(params, codec),
  outputShape: sameShape,
  check(inputs, p) {
    const issues = dropoutChecks(params, p);
    const shape = singleInput(inputs);
    const ns = config(p).noise_shape;
    if (shape !== null && ns !== null && ns.length !== shape.length) {
      issues.push(
        issue(
          'noise-shape',
          `has noise_shape of ${ns.length} axes but its input ${formatShape(shape)} has ${shape.length}; give one entry per axis, batch included`,
          'noise_shape',
        ),
      );
    }
    return issues;
  },
  describe: (p) => String(config(p).rate),
};
