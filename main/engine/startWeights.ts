import type { LayersModel } from '@tensorflow/tfjs-layers';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import type { WeightsFrom } from '../../shared/api/training';
import type { LayerWeights } from '../../shared/modelfile/types';
import { openModelFile } from '../modelfile/read';
import { getLayerWeights } from './export/setWeights';
import { carryWeights, latestModel } from './weightStore';

/** The weights are set; the value is the note for the user (which layers start fresh), null when every layer kept its weights. */
export type StartWeights = Outcome<string | null>;

/**
 * Where a run's weights start: the file's or the previous run's, layer by layer. A layer whose
 * name and weight shapes still match keeps its weights; a layer that changed (a Dense with other
 * units) or is new starts fresh, and the message says which — nothing is thrown away silently.
 */
export async function applyStartWeights(model: LayersModel, source: WeightsFrom, previous: LayersModel | null): Promise<StartWeights> {
  let weights: readonly LayerWeights[];
  let origin: string;
  if (source.kind === 'previous') {
    const newest = latestModel() ?? (previous !== null ? { model: previous, origin: 'the last run' } : null);
    if (newest === null) return failure('There are no trained weights to continue from; start from scratch instead.');
    weights = await getLayerWeights(newest.model);
    origin = newest.origin;
  } else {
    const opened = await openModelFile(source.path, source.weights !== undefined ? { weights: source.weights } : {});
    if (!opened.ok) return opened;
    if (opened.value.weights === null) return failure(`${source.path} holds no weights to continue from; train from scratch instead.`);
    weights = opened.value.weights;
    origin = source.path;
  }
  const carried = carryWeights(model, weights);
  if (!carried.ok) return carried;
  const { kept, fresh } = carried.value;
  if (kept.length === 0) return success(`No layer fits the weights of ${origin}; every layer starts with fresh weights.`);
  const changed = fresh.map((name) => `'${name}'`).join(', ');
  return success(
    fresh.length === 0
      ? null
      : `Continuing from the weights of ${origin}; ${changed} ${fresh.length === 1 ? 'changed and starts' : 'changed and start'} with fresh weights.`,
  );
}
