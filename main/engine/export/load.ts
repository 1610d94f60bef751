import { readFile, stat } from 'node:fs/promises';
import { models, type LayersModel } from '@tensorflow/tfjs-layers';
import type { PyJsonDict, PyJsonValue } from '@tensorflow/tfjs-layers/dist/keras_format/types';
import type { Graph } from '../../../shared/graph/types';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../shared/json';
import { exportTfjsTopology } from '../../../shared/keras/exportKeras2';
import { importModel } from '../../../shared/keras/importModel';
import { readWeightsH5 } from './h5';
import { readKerasArchive } from './kerasArchive';
import { applyKerasWeights } from './kerasWeights';
import { loadTfjsModel } from './tfjsArtifacts';

export interface LoadedModel {
  readonly model: LayersModel;
  readonly format: 'keras' | 'tfjs' | 'keras-json';
  /** The graph, when the file's topology is one Blockprop imports. */
  readonly graph: Graph | null;
  /** Class names saved by Blockprop in a .keras's metadata.json, when there. */
  readonly classNames: readonly string[] | null;
  readonly warnings: readonly string[];
}

export type LoadModelResult = { readonly ok: true; readonly loaded: LoadedModel } | { readonly ok: false; readonly message: string };

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

/** A TF.js model for a graph, built through the project's own TF.js topology export. */
export async function tfjsModelFromGraph(graph: Graph): Promise<{ ok: true; model: LayersModel } | { ok: false; message: string }> {
  const topology = exportTfjsTopology(graph);
  if (!topology.ok) return { ok: false, message: topology.diagnostics.map((d) => d.message).join('\n') };
  try {
    return { ok: true, model: await models.modelFromJSON(toPyJsonDict(topology.json)) };
  } catch (e) {
    return { ok: false, message: `TensorFlow.js could not build the model: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function fromKerasJson(config: JsonObject, weights: Uint8Array | null, format: LoadedModel['format'], classNames: readonly string[] | null): Promise<LoadModelResult> {
  const imported = importModel(config);
  if (!imported.ok) return { ok: false, message: imported.message };
  const built = await tfjsModelFromGraph(imported.graph);
  if (!built.ok) return built;
  const warnings = [...imported.warnings];
  if (weights === null) warnings.push('No weights file found next to the model JSON; the model has freshly initialised weights.');
  else {
    const file = await readWeightsH5(weights);
    if (!file.ok) return { ok: false, message: file.message };
    const applied = applyKerasWeights(built.model, config, file.weights);
    if (!applied.ok) return applied;
  }
  return { ok: true, loaded: { model: built.model, format, graph: imported.graph, classNames, warnings } };
}

function classNamesOf(metadata: unknown): string[] | null {
  if (!isJsonObject(metadata)) return null;
  const ours = metadata['blockprop'];
  const names = isJsonObject(ours) ? ours['class_names'] : undefined;
  return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names.map(String) : null;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Opens a saved model: a `.keras` archive (ours or Keras's), a TF.js model.json with its weight
 * shards, or a Keras 3 JSON with STEM.weights.h5 beside it.
 */
export async function loadSavedModel(file: string): Promise<LoadModelResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return { ok: false, message: `Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const archive = readKerasArchive(bytes);
    if (!archive.ok) return { ok: false, message: `${file}: ${archive.message}` };
    const { config, metadata, weights } = archive.parts;
    if (!isJsonObject(config)) return { ok: false, message: `${file}: config.json is not a model config` };
    return fromKerasJson(config, weights, 'keras', classNamesOf(metadata));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, message: `${file} is neither a .keras archive nor JSON.` };
  }
  if (isJsonObject(parsed) && 'modelTopology' in parsed) {
    const loaded = await loadTfjsModel(file, parsed);
    if (!loaded.ok) return loaded;
    const imported = importModel(parsed);
    return { ok: true, loaded: { model: loaded.model, format: 'tfjs', graph: imported.ok ? imported.graph : null, classNames: null, warnings: [] } };
  }
  if (!isJsonObject(parsed)) return { ok: false, message: `${file} does not hold a model.` };
  const stem = file.replace(/\.json$/, '');
  const weightsFile = `${stem}.weights.h5`;
  const weights = (await exists(weightsFile)) ? new Uint8Array(await readFile(weightsFile)) : null;
  return fromKerasJson(parsed, weights, 'keras-json', null);
}
