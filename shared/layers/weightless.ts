import type { Codec } from './configCodec';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

/**
 * What every one-input layer without weights has in common: its specs, no weights, each
 * parameter's own validation as its check, and Keras's config layout through its codec.
 * A layer spreads this and adds its shape rule and block face (and may replace `check`).
 */
export function weightlessLayer(
  params: readonly ParamSpec[],
  codec: Codec,
): Pick<LayerDef, 'params' | 'inputs' | 'weights' | 'check' | 'toConfig' | 'fromConfig'> {
  return {
    params,
    inputs: { min: 1, max: 1 },
    weights: () => [],
    check: (_inputs, p) => paramIssues(params, p),
    toConfig: codec.toConfig,
    fromConfig: codec.fromConfig,
  };
}
