import { models, type LayersModel } from '@tensorflow/tfjs-layers';
import type { PyJsonDict, PyJsonValue } from '@tensorflow/tfjs-layers/dist/keras_format/types';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import type { Graph } from '../../../shared/graph/types';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../shared/json';
import { exportTfjsTopology } from '../../../shared/keras/exportKeras2';
import type { LayerWeights, ModelFileFormat } from '../../../shared/modelfile/types';
import { openModelFile, type OpenOptions } from '../../modelfile/read';
import { fillBatchNormConstants } from './batchNormConstants';
import { setLayerWeights } from './setWeights';

export interface LoadedModel {
  readonly model: LayersModel;
  readonly format: ModelFileFormat;
  readonly graph: Graph;
  /** The file's weights (already set on `model`), or null when the model has fresh initial weights. */
  readonly weights: readonly LayerWeights[] | null;
  /** Class names saved by Blockprop in a .keras's metadata.json, when there. */
  readonly classNames: readonly string[] | null;
  readonly warnings: readonly string[];
}

/** A mutable copy in tfjs's own JSON types (ours are readonly). */
function toPy(value: JsonValue): PyJsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (isJsonObject(value)) return toPyJsonDict(value);
  return value.map((v) => toPy(v));
}

function toPyJsonDict(obj: JsonObject): PyJsonDict {
  const out: PyJsonDict = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPy(v);
  return out;
}

/**
 * Keras 3 runs a frozen BatchNormalization in inference mode (moving statistics, no updates) even
 * inside fit(); TF.js would still use batch statistics and update them. Its call gets training
 * forced off, as Keras's `training and self.trainable` does.
 */
function freezeBatchNorm(model: LayersModel): void {
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization' || layer.trainable) continue;
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => call(inputs, { ...kwargs, training: false });
  }
}

/** A TF.js model for a graph, built through the project's own TF.js topology export. */
export async function tfjsModelFromGraph(graph: Graph): Promise<Outcome<LayersModel>> {
  const topology = exportTfjsTopology(graph);
  if (!topology.ok) return topology;
  try {
    const model = await models.modelFromJSON(toPyJsonDict(topology.value));
    fillBatchNormConstants(model);
    freezeBatchNorm(model);
    return success(model);
  } catch (e) {
    return failure(`TensorFlow.js could not build the model: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Builds the TF.js model of a graph and sets the given weights on it (null: fresh initial weights). */
export async function modelWithWeights(graph: Graph, weights: readonly LayerWeights[] | null): Promise<Outcome<LayersModel>> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok || weights === null) return built;
  const set = setLayerWeights(built.value, weights);
  if (!set.ok) {
    built.value.dispose();
    return set;
  }
  return built;
}

/**
 * Opens any model file through the one reader (shared/modelfile + main/modelfile) and builds it
 * in TF.js with the file's weights: `.keras`, legacy `.h5`, Keras JSON (+ `--weights` or a sibling
 * STEM.weights.h5), TF.js model.json + shards, or a project with its weights.
 */
export async function loadSavedModel(file: string, options: OpenOptions = {}): Promise<Outcome<LoadedModel>> {
  const opened = await openModelFile(file, options);
  if (!opened.ok) return opened;
  const { graph, weights, format, classNames } = opened.value;
  const built = await modelWithWeights(graph, weights);
  if (!built.ok) return failure(`${file}: ${built.error.message}`);
  const warnings = [...opened.value.warnings];
  if (weights === null && format !== 'project') warnings.push(`${file} holds no weights; the model has freshly initialised weights.`);
  return success({ model: built.value, format, graph, weights, classNames, warnings });
}
