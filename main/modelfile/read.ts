import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import { exportKeras3 } from '../../shared/keras/exportKeras3';
import { importModel } from '../../shared/keras/importModel';
import { inferGraph } from '../../shared/inference/infer';
import { isJsonObject, type JsonObject } from '../../shared/json';
import { MAX_CONFIG_BYTES, MAX_FILE_BYTES, MAX_METADATA_BYTES, MAX_UNKNOWN_WEIGHTS_BYTES, formatBytes, weightBytesLimit } from '../../shared/modelfile/limits';
import { h5Layout } from '../../shared/modelfile/h5layout';
import { matchWeights } from '../../shared/modelfile/matchWeights';
import { describeContent, sniff, sniffJson, type ContentKind } from '../../shared/modelfile/sniff';
import type { LayerWeights, OpenedModel } from '../../shared/modelfile/types';
import { isProjectJson, parseJsonText, parseProject } from '../../shared/project';
import { withH5 } from './hdf5';
import { readTfjsShards } from './tfjsShards';
import { planWeights, readPlanned, readWeightsFor } from './weightsFile';
import { textOf, unzipBounded } from './zip';

/**
 * The one model-file reader (CLI, app and engine all open files through it), in the spirit of
 * Netron's per-format model factories: each reader says from the content whether the file is
 * its format (`match`), then opens it into the graph, its weights when present, and warnings.
 * The extension is never trusted; sizes are bounded (shared/modelfile/limits.ts).
 */

export interface OpenOptions {
  /** A separate weights file for a model JSON (`--weights`): Keras 3 `.weights.h5` or legacy weights-only `.h5`. */
  readonly weights?: string;
}

interface Source {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly kind: ContentKind;
  /** Parsed JSON, when the content is JSON. */
  readonly json: unknown;
  readonly options: OpenOptions;
}

interface ModelReader {
  readonly name: string;
  match(source: Source): boolean;
  open(source: Source): Promise<Outcome<OpenedModel>>;
}

/** Large JSON files (projects carry their run history) are still bounded. */
const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

function weightsLimitFor(graph: OpenedModel['graph']): number {
  const inference = inferGraph(graph);
  const params = inference.totals.total;
  return params > 0 ? weightBytesLimit(params, graph.nodes.length) : MAX_UNKNOWN_WEIGHTS_BYTES;
}

function classNamesOf(metadata: unknown): string[] | null {
  if (!isJsonObject(metadata)) return null;
  const ours = metadata['blockprop'];
  const names = isJsonObject(ours) ? ours['class_names'] : undefined;
  return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names.map(String) : null;
}

function parseJson(bytes: Uint8Array, what: string): Outcome<unknown> {
  const parsed = parseJsonText(textOf(bytes).replace(/^\uFEFF/, ''));
  return parsed.ok ? parsed : failure(`${what} is not valid JSON (${parsed.error.message})`);
}

async function readSmall(file: string, limit: number): Promise<Outcome<Uint8Array>> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return failure(`cannot read ${file}: it is a folder, not a file`);
    if (!s.isFile()) return failure(`cannot read ${file}: it is not a regular file`);
    if (s.size > limit) return failure(`${file} is ${formatBytes(s.size)}, more than the ${formatBytes(limit)} a model file may be`);
    return success(new Uint8Array(await readFile(file)));
  } catch (e) {
    return failure(`cannot read ${file}: ${readError(e)}`);
  }
}

function readError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** `.keras`: a zip of config.json, metadata.json and model.weights.h5 (Keras 3's saving_lib). */
const kerasArchive: ModelReader = {
  name: 'keras',
  match: (s) => s.kind === 'zip',
  async open(s) {
    const head = unzipBounded(
      s.bytes,
      new Map([
        ['config.json', MAX_CONFIG_BYTES],
        ['metadata.json', MAX_METADATA_BYTES],
      ]),
    );
    if (!head.ok) return head;
    const configBytes = head.value.get('config.json');
    if (configBytes === undefined) return failure('the zip archive has no config.json, so it is not a .keras model');
    const config = parseJson(configBytes, 'config.json in the archive');
    if (!config.ok) return config;
    const metaBytes = head.value.get('metadata.json');
    const metadata = metaBytes === undefined ? null : parseJson(metaBytes, 'metadata.json in the archive');
    const imported = importModel(config.value);
    if (!imported.ok) return imported;
    const modelJson = imported.value.model;
    const body = unzipBounded(s.bytes, new Map([['model.weights.h5', weightsLimitFor(imported.value.graph)]]));
    if (!body.ok) return body;
    const h5 = body.value.get('model.weights.h5');
    const warnings = [...imported.value.warnings];
    let weights: readonly LayerWeights[] | null = null;
    if (h5 === undefined) warnings.push('The .keras archive has no model.weights.h5; the model has freshly initialised weights.');
    else {
      const read = await readWeightsFor(h5, imported.value.graph, modelJson);
      if (!read.ok) return failure(`model.weights.h5: ${read.error.message}`);
      weights = read.value;
    }
    if (metadata !== null && !metadata.ok) warnings.push(`${metadata.error.message}; it was ignored (Keras reads only its version from it).`);
    const classNames = metadata?.ok === true ? classNamesOf(metadata.value) : null;
    return success({ format: 'keras', graph: imported.value.graph, weights, project: null, classNames, warnings });
  },
};

/** Legacy HDF5 full model (tf.keras 2, Keras 3 `save('x.h5')`): the model_config attribute plus model_weights. */
const legacyH5: ModelReader = {
  name: 'h5',
  match: (s) => s.kind === 'hdf5',
  async open(s) {
    return withH5<OpenedModel>(s.bytes, (file) => {
      const layout = h5Layout(file.root);
      if (layout === null) return failure('the HDF5 file holds no Keras model (no model_config attribute)');
      if (layout.kind !== 'legacy-model') {
        return failure('the HDF5 file holds weights only, no architecture; open the model JSON with --weights and this file');
      }
      const config = parseJsonText(layout.modelConfig);
      if (!config.ok) return failure(`its model_config attribute is not valid JSON (${config.error.message})`);
      const imported = importModel(config.value);
      if (!imported.ok) return imported;
      const modelJson = imported.value.model;
      const inference = inferGraph(imported.value.graph);
      const warnings = [...imported.value.warnings];
      if (layout.weights === null) {
        warnings.push("The .h5 file has no 'model_weights' group; the model has freshly initialised weights.");
        return success({ format: 'h5', graph: imported.value.graph, weights: null, project: null, classNames: null, warnings });
      }
      const read = readPlanned(file, planWeights(file.root, modelJson), inference.totals.total);
      if (!read.ok) return read;
      const matched = matchWeights(imported.value.graph, read.value, inference);
      if (!matched.ok) return matched;
      return success({ format: 'h5', graph: imported.value.graph, weights: matched.value.weights, project: null, classNames: null, warnings });
    });
  },
};

/** TF.js layers-model model.json, with its .bin shards beside it. */
const tfjsModel: ModelReader = {
  name: 'tfjs',
  match: (s) => isJsonObject(s.json) && sniffJson(s.json) === 'tfjs',
  async open(s) {
    const json = s.json;
    if (!isJsonObject(json)) return failure('not a TF.js model.json');
    const imported = importModel(json);
    if (!imported.ok) return imported;
    const inference = inferGraph(imported.value.graph);
    const shards = await readTfjsShards(s.file, json.weightsManifest, inference.totals.total, imported.value.graph.nodes.length);
    if (!shards.ok) return shards;
    const warnings = imported.value.warnings.filter((w) => !w.includes('weightsManifest'));
    let weights: readonly LayerWeights[] | null = null;
    if (shards.value === null) warnings.push('The model.json lists no weights; the model has freshly initialised weights.');
    else {
      const matched = matchWeights(imported.value.graph, shards.value, inference);
      if (!matched.ok) return matched;
      weights = matched.value.weights;
    }
    return success({ format: 'tfjs', graph: imported.value.graph, weights, project: null, classNames: null, warnings });
  },
};

/** The sibling weights file of a project: `cnn.blockprop.json` -> `cnn.weights.h5` (a Keras 3 .weights.h5). */
export function projectWeightsPath(projectFile: string): string {
  const dir = path.dirname(projectFile);
  const base = path.basename(projectFile).replace(/\.blockprop\.json$|\.json$/i, '');
  return path.join(dir, `${base}.weights.h5`);
}

/** Reads a separate weights file for `graph` (Keras JSON `kerasJson`), naming the file in errors. */
async function weightsFromFile(file: string, graph: OpenedModel['graph'], kerasJson: JsonObject): Promise<Outcome<readonly LayerWeights[]>> {
  const bytes = await readSmall(file, weightsLimitFor(graph));
  if (!bytes.ok) return bytes;
  const kind = sniff(bytes.value);
  if (kind !== 'hdf5') return failure(`${file} is ${describeContent(kind)}, not an HDF5 weights file`);
  const read = await readWeightsFor(bytes.value, graph, kerasJson);
  return read.ok ? read : failure(`${file}: ${read.error.message}`);
}

/** A Blockprop project, with its trained weights from the sibling `.weights.h5` when there. */
const projectFile: ModelReader = {
  name: 'project',
  match: (s) => isProjectJson(s.json),
  async open(s) {
    const r = parseProject(s.json);
    if (!r.ok) return r;
    const { project } = r.value;
    const { graph } = project;
    const warnings = [...r.value.warnings];
    const sibling = s.options.weights ?? projectWeightsPath(s.file);
    let weights: readonly LayerWeights[] | null = null;
    if (s.options.weights !== undefined || (await exists(sibling))) {
      const keras = exportKeras3(graph);
      if (!keras.ok) warnings.push(`The weights in ${path.basename(sibling)} were not loaded: the model does not export yet.`);
      else {
        const read = await weightsFromFile(sibling, graph, keras.value);
        if (!read.ok) return read;
        weights = read.value;
      }
    }
    return success({ format: 'project', graph, weights, project, classNames: null, warnings });
  },
};

/** Keras JSON (model.to_json() of Keras 3 or 2, or an .h5's model_config), with `--weights` or a sibling STEM.weights.h5. */
const kerasJson: ModelReader = {
  name: 'keras-json',
  match: (s) => s.json !== undefined,
  async open(s) {
    const imported = importModel(s.json);
    if (!imported.ok) return imported;
    const warnings = [...imported.value.warnings];
    const modelJson = imported.value.model;
    const sibling = `${s.file.replace(/\.json$/i, '')}.weights.h5`;
    const weightsFile = s.options.weights ?? ((await exists(sibling)) ? sibling : undefined);
    let weights: readonly LayerWeights[] | null = null;
    if (weightsFile !== undefined) {
      const read = await weightsFromFile(weightsFile, imported.value.graph, modelJson);
      if (!read.ok) return read;
      weights = read.value;
      if (s.options.weights === undefined) warnings.push(`Weights read from ${path.basename(sibling)} beside the model JSON.`);
    }
    return success({ format: imported.value.format, graph: imported.value.graph, weights, project: null, classNames: null, warnings });
  },
};

/** Most specific first: a project and a TF.js model.json are JSON too. */
const readers: readonly ModelReader[] = [kerasArchive, legacyH5, projectFile, tfjsModel, kerasJson];

/** Opens any model file Blockprop reads. Errors name the file and say what it looks like, never echo its bytes. */
export async function openModelFile(file: string, options: OpenOptions = {}): Promise<Outcome<OpenedModel>> {
  const read = await readSmall(file, MAX_FILE_BYTES);
  if (!read.ok) return read;
  const bytes = read.value;
  const kind = sniff(bytes);
  let json: unknown = undefined;
  if (kind !== 'zip' && kind !== 'hdf5') {
    // Everything else must be JSON; parseJsonText says what non-JSON looks like, never its bytes.
    if (bytes.length > MAX_JSON_FILE_BYTES) return failure(`${file}: it is ${formatBytes(bytes.length)}, more than a model or project file may be`);
    const parsed = parseJsonText(textOf(bytes).replace(/^\uFEFF/, ''));
    if (!parsed.ok) return failure(`${file}: ${parsed.error.message}`);
    json = parsed.value;
  }
  const source: Source = { file, bytes, kind, json, options };
  const reader = readers.find((r) => r.match(source));
  if (reader === undefined) {
    return failure(
      `${file}: it is ${describeContent(kind)}, not a model: expected a .keras archive, an .h5 model, Keras JSON, a TF.js model.json or a Blockprop project`,
    );
  }
  const opened = await reader.open(source);
  return opened.ok ? opened : failure(`${file}: ${opened.error.message}`);
}

/**
 * The weights in any file, for a model the app already has (`graph`): a weights-only HDF5 (a
 * project's sibling .weights.h5, a legacy weights file) read for that graph's layers, or the
 * weights of a model file. Not yet matched: the engine keeps the layers that still fit.
 */
export async function weightsOfFile(file: string, graph: OpenedModel['graph']): Promise<Outcome<readonly LayerWeights[] | null>> {
  const read = await readSmall(file, MAX_FILE_BYTES);
  if (!read.ok) return read;
  if (sniff(read.value) === 'hdf5') {
    const keras = exportKeras3(graph);
    if (!keras.ok) return failure('the model does not export yet, so its weights cannot be matched');
    const params = inferGraph(graph).totals.total;
    const r = await withH5<LayerWeights[] | null>(read.value, (h5) => {
      const layout = h5Layout(h5.root);
      if (layout?.kind === 'legacy-model') return success(null);
      return readPlanned(h5, planWeights(h5.root, keras.value), params);
    });
    if (!r.ok) return failure(`${file}: ${r.error.message}`);
    if (r.value !== null) return success(r.value);
  }
  const opened = await openModelFile(file);
  return opened.ok ? success(opened.value.weights) : opened;
}
