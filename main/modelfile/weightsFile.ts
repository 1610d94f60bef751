import { failure, success, type Outcome } from '../../shared/api/outcome';
import type { Graph } from '../../shared/graph/types';
import { inferGraph } from '../../shared/inference/infer';
import type { JsonObject } from '../../shared/json';
import { h5Layout, planKeras3Weights, planLegacyWeights, type H5GroupInfo, type WeightsPlan } from '../../shared/modelfile/h5layout';
import { weightValuesLimit } from '../../shared/modelfile/limits';
import { matchWeights } from '../../shared/modelfile/matchWeights';
import type { LayerWeights } from '../../shared/modelfile/types';
import { kerasLayerSlots } from '../engine/export/kerasLayout';
import { withH5, type OpenH5 } from './hdf5';

/** Keras 3 names a weights group by class ('conv2d_1'); the model JSON says which layer that is. */
function slotsOf(kerasJson: JsonObject): Map<string, string> {
  return new Map(kerasLayerSlots(kerasJson).map((s) => [s.group, s.layerName]));
}

/** Reads the planned datasets with one running budget of values for the whole model. */
export function readPlanned(file: OpenH5, planned: Outcome<WeightsPlan>, params: number): Outcome<LayerWeights[]> {
  if (!planned.ok) return planned;
  const budget = { left: weightValuesLimit(params) };
  const layers: LayerWeights[] = [];
  for (const plan of planned.value.layers) {
    const vars = [];
    for (const v of plan.vars) {
      const r = file.read(v.dataset, budget);
      if (!r.ok) return r;
      vars.push({ name: v.name, shape: v.dataset.shape, data: r.value });
    }
    layers.push({ layer: plan.layer, vars });
  }
  return success(layers);
}

/** Plans a weights file of any Keras HDF5 layout: Keras 3 `.weights.h5`, legacy weights-only `.h5`, or a legacy full model's `model_weights`. */
export function planWeights(root: H5GroupInfo, kerasJson: JsonObject): Outcome<WeightsPlan> {
  const layout = h5Layout(root);
  if (layout === null) return failure('the HDF5 file holds no Keras weights (no layers group, no layer_names attribute)');
  if (layout.kind === 'keras3-weights') return planKeras3Weights(root, slotsOf(kerasJson));
  if (layout.kind === 'legacy-weights') return planLegacyWeights(layout.weights);
  if (layout.weights === null) return failure("the .h5 model has no 'model_weights' group");
  return planLegacyWeights(layout.weights);
}

/** A weights file for `graph` (whose Keras JSON is `kerasJson`), read, bounded and checked against the model. */
export async function readWeightsFor(bytes: Uint8Array, graph: Graph, kerasJson: JsonObject): Promise<Outcome<readonly LayerWeights[]>> {
  const inference = inferGraph(graph);
  const read = await withH5(bytes, (file) => readPlanned(file, planWeights(file.root, kerasJson), inference.totals.total));
  if (!read.ok) return read;
  const matched = matchWeights(graph, read.value, inference);
  return matched.ok ? success(matched.value.weights) : matched;
}
