import { findCycle } from '../graph/topology';
import { uniqueName } from '../graph/naming';
import type { Graph, GraphEdge, GraphNode, ModelClass } from '../graph/types';
import type { JsonObject, JsonValue } from '../json';
import { depthProblem, hasNonFinite, isJsonObject, own, previewJson } from '../json';
import { getLayerDef, layerDefs } from '../layers/registry';
import type { LayerDef } from '../layers/types';
import { camelToSnake, isCamelCase } from './case';
import type { ModelFormat } from './importFormat';
import { unwrapModel } from './importFormat';
import type { RawLayer } from './importLayers';
import { readEndpoints, readLayers } from './importLayers';
import { autoLayout } from '../layout';
import { isSequentialChain, outputNodes } from '../graph/topology';

export type ImportResult =
  | { readonly ok: true; readonly graph: Graph; readonly format: ModelFormat; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Reads model JSON text (a file's contents); a parse error comes back as a message, not a throw. */
export function parseModelText(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, message: 'The file is empty; expected Keras model JSON.' };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `The file is not valid JSON (${reason}); it may be cut off or not a model file.` };
  }
  return importModel(json);
}

/**
 * Turns Keras 3 JSON, tf.keras 2 JSON or a TF.js model.json into a graph. Every layer must be a
 * class Blockprop knows; settings it cannot represent are named in `warnings` (never dropped
 * silently); anything that makes the model unreadable is a `message` naming the layer and field.
 */
export function importModel(json: unknown): ImportResult {
  const tooDeep = depthProblem(json);
  if (tooDeep !== null) return { ok: false, message: `This is not a model Blockprop can read: ${tooDeep}.` };
  const unwrapped = unwrapModel(json);
  if (!unwrapped.ok) return unwrapped;
  const { model, format } = unwrapped;
  const warnings: string[] = [];
  if (isJsonObject(json) && Array.isArray(json.weightsManifest) && json.weightsManifest.length > 0) {
    warnings.push('The file\'s weights (weightsManifest) were not imported: Blockprop imports the architecture, with fresh initial weights.');
  }
  const sequential = model.class_name === 'Sequential';
  const config = model.config;
  const layerList: JsonValue | undefined = Array.isArray(config) ? config : isJsonObject(config) ? config.layers : undefined;
  const modelName = isJsonObject(config) && typeof config.name === 'string' && config.name !== '' ? config.name : 'model';
  const read = readLayers(layerList, !sequential);
  if (!read.ok) return read;
  let layers = read.value;
  if (layers.length === 0) return { ok: false, message: 'The model has no layers.' };

  const seen = new Set<string>();
  for (const layer of layers) {
    if (seen.has(layer.name)) return { ok: false, message: `Two layers are named '${layer.name}'; Keras layer names must be unique.` };
    seen.add(layer.name);
    if (!getLayerDef(layer.className)) return { ok: false, message: unknownClassMessage(layer) };
  }

  let inputNames: string[];
  let outputNames: string[];
  if (sequential) {
    // A Keras 3 Sequential built with model.build(shape) records it as build_input_shape.
    const built = isJsonObject(config) && Array.isArray(config.build_input_shape) ? config.build_input_shape : undefined;
    const chained = sequentialLayers(layers, warnings, built);
    if (!chained.ok) return chained;
    layers = chained.layers;
    inputNames = [layers[0]?.name ?? ''];
    outputNames = [layers[layers.length - 1]?.name ?? ''];
  } else {
    const cfg: JsonObject = isJsonObject(config) ? config : {};
    const ins = readEndpoints(cfg.input_layers, 'input_layers');
    if (!ins.ok) return ins;
    const outs = readEndpoints(cfg.output_layers, 'output_layers');
    if (!outs.ok) return outs;
    inputNames = ins.value;
    outputNames = outs.value;
    if (inputNames.length === 0) return { ok: false, message: 'The model lists no inputs ("input_layers" is empty); Keras needs at least one.' };
    if (outputNames.length === 0) return { ok: false, message: 'The model lists no outputs ("output_layers" is empty); Keras needs at least one.' };
    const byName = new Map(layers.map((l) => [l.name, l]));
    for (const layer of layers) {
      for (const source of layer.inputs) {
        if (!byName.has(source)) {
          return { ok: false, message: `Layer '${layer.name}' takes its input from '${source}', which is not in the model's layer list.` };
        }
      }
    }
    for (const name of inputNames) {
      if (byName.get(name)?.className !== 'InputLayer') return { ok: false, message: `The model's input '${name}' is not an InputLayer in its layer list.` };
    }
    for (const name of outputNames) {
      if (!byName.has(name)) return { ok: false, message: `The model's output '${name}' is not in its layer list.` };
    }
    layers = inputsInOrder(layers, inputNames);
  }

  const ids = new Map(layers.map((l, i) => [l.name, `n${i + 1}`]));
  const nodes: GraphNode[] = [];
  for (const layer of layers) {
    const def = getLayerDef(layer.className);
    if (!def) return { ok: false, message: unknownClassMessage(layer) };
    const params = layerParams(layer, def, warnings);
    if (typeof params === 'string') return { ok: false, message: params };
    nodes.push({ id: ids.get(layer.name) ?? '', kind: layer.className, name: layer.name, params, position: { x: 0, y: 0 } });
  }
  const edges: GraphEdge[] = [];
  const edge = (source: string, target: string, targetIndex: number): void => {
    edges.push({ id: `e${edges.length + 1}`, source: ids.get(source) ?? '', target: ids.get(target) ?? '', targetIndex });
  };
  if (sequential) {
    layers.forEach((layer, i) => {
      const prev = layers[i - 1];
      if (prev) edge(prev.name, layer.name, 0);
    });
  } else {
    for (const layer of layers) layer.inputs.forEach((source, i) => edge(source, layer.name, i));
  }

  let graph: Graph = { name: modelName, nodes, edges };
  const cycle = findCycle(graph);
  if (cycle) {
    const names = cycle.map((id) => nodes.find((n) => n.id === id)?.name ?? id);
    return { ok: false, message: `The model's layers feed each other in a cycle (${[...names, names[0] ?? ''].join(' → ')}); a Keras model must flow one way from inputs to outputs.` };
  }
  // Keep what the file says where the graph's defaults would say otherwise.
  const outputIds = outputNames.map((n) => ids.get(n) ?? '');
  if (outputNodes(graph).map((n) => n.id).join('\n') !== outputIds.join('\n')) graph = { ...graph, outputs: outputIds };
  const modelClass: ModelClass = sequential ? 'Sequential' : 'Functional';
  if (!sequential && isSequentialChain(graph)) graph = { ...graph, modelClass };
  return { ok: true, graph: autoLayout(graph), format, warnings };
}

function unknownClassMessage(layer: RawLayer): string {
  const supported = layerDefs.map((d) => d.className).join(', ');
  return `Layer '${layer.name}' has class '${layer.className}', which Blockprop does not support yet; supported: ${supported}.`;
}

/** A Sequential's layers, with an InputLayer in front made from the first layer's batch_input_shape when missing (tf.keras 2). */
function sequentialLayers(layers: RawLayer[], warnings: string[], modelBuildShape: JsonValue | undefined): { ok: true; layers: RawLayer[] } | { ok: false; message: string } {
  const first = layers[0];
  if (!first) return { ok: false, message: 'The model has no layers.' };
  const misplaced = layers.slice(1).find((l) => l.className === 'InputLayer');
  if (misplaced) return { ok: false, message: `InputLayer '${misplaced.name}' sits in the middle of a Sequential model; only its first layer may be an InputLayer.` };
  if (first.className === 'InputLayer') return { ok: true, layers };
  const c = first.config;
  let batchShape: JsonValue | undefined = c.batch_input_shape ?? c.batch_shape ?? c.batchInputShape ?? modelBuildShape;
  const inputShape = c.input_shape ?? c.inputShape;
  if (batchShape === undefined && Array.isArray(inputShape)) batchShape = [null, ...inputShape];
  if (!Array.isArray(batchShape)) {
    return {
      ok: false,
      message: `The Sequential model has no InputLayer and its first layer '${first.name}' (${first.className}) has no batch_input_shape, so its input shape is unknown. Add an InputLayer (keras.Input(shape=…)) and export again.`,
    };
  }
  const name = uniqueName(layers.map((l) => l.name), 'input_layer');
  warnings.push(`Added InputLayer '${name}' in front of '${first.name}' from its batch_input_shape, as Keras 3 requires an explicit input.`);
  return { ok: true, layers: [{ className: 'InputLayer', name, config: { batch_shape: batchShape }, inputs: [] }, ...layers] };
}

/** Puts the InputLayers (in the slots they occupy) in the order of `input_layers`, which fixes the model's input order. */
function inputsInOrder(layers: RawLayer[], inputNames: readonly string[]): RawLayer[] {
  const inputs = inputNames.flatMap((n) => layers.filter((l) => l.name === n));
  const rest = layers.filter((l) => l.className === 'InputLayer' && !inputNames.includes(l.name));
  const queue = [...inputs, ...rest];
  return layers.map((l) => (l.className === 'InputLayer' ? (queue.shift() ?? l) : l));
}

/** Keys that only say where a layer sits in its model (handled by the graph), or that other Keras versions add. */
const placementKeys = new Set(['batch_input_shape', 'batch_shape', 'input_shape', 'input_dim', 'batch_size']);

const inputShapeKeys = new Set(['batch_shape', 'batch_input_shape', 'shape', 'input_shape']);

/**
 * A setting Blockprop does not offer is normally a warning; this says when it is an error
 * instead: a number Keras itself would refuse, or a value that changes the model (groups ≠ 1).
 */
function kerasStrictSetting(key: string, value: JsonValue): string | null {
  if (hasNonFinite(value)) return 'which is not a finite number (Keras would refuse the file)';
  if (key === 'groups') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return 'which is not a valid groups (Keras needs a whole number of 1 or more)';
    if (value !== 1) return 'but grouped convolutions are not supported by Blockprop yet; use groups = 1';
  }
  return null;
}

/**
 * Graph params of one layer via the catalog's fromConfig. A setting Blockprop does not offer
 * becomes a warning naming it; a value of the wrong type for a setting it does offer makes the
 * file unreadable (a message naming layer, setting and value).
 */
function layerParams(layer: RawLayer, def: LayerDef, warnings: string[]): JsonObject | string {
  const label = `Layer '${layer.name}' (${layer.className})`;
  const config: Record<string, JsonValue> = {};
  let frozen = false;
  for (const [rawKey, value] of Object.entries(layer.config)) {
    const key = isCamelCase(rawKey) ? camelToSnake(rawKey) : rawKey;
    if (key === 'name') continue;
    if (key === '__proto__') {
      warnings.push(`${label}: setting '__proto__' is not a Keras setting and was not imported.`);
      continue;
    }
    if (key === 'trainable') {
      // A frozen layer (transfer learning) stays frozen: the graph param that the exports write back.
      if (value === false) frozen = true;
      else if (value !== true) warnings.push(`${label}: trainable = ${previewJson(value, 20)} is not true or false; it was imported as trainable.`);
      continue;
    }
    if (key === 'dtype') {
      const dtype = dtypeName(value);
      if (dtype !== 'float32') warnings.push(`${label}: dtype '${dtype}' is not supported; it was imported as float32.`);
      continue;
    }
    if (layer.className === 'InputLayer') {
      if (key === 'batch_input_shape') {
        config.batch_shape = value;
        continue;
      }
    } else if (placementKeys.has(key)) {
      continue;
    }
    // tf.keras 2 and TF.js call LeakyReLU's slope `alpha`.
    config[layer.className === 'LeakyReLU' && key === 'alpha' ? 'negative_slope' : key] = value;
  }
  const result = def.fromConfig(config);
  for (const key of result.unsupported) {
    const raw = config[key] ?? null;
    // The input's shape is the model's shape: a bad one is an error, never a silent 28×28×1.
    if (layer.className === 'InputLayer' && inputShapeKeys.has(key)) {
      return `${label}: '${key}' is ${previewJson(raw, 60)}, which is not a valid ${key} (Keras needs whole numbers of 1 or more, or null for any size).`;
    }
    const strict = kerasStrictSetting(key, raw);
    if (strict !== null) return `${label}: '${key}' is ${previewJson(raw, 60)}, ${strict}.`;
    const spec = def.params.find((p) => p.name === key);
    if (spec) {
      if (['activation', 'initializer', 'regularizer', 'constraint'].includes(spec.type)) {
        return `${label}: '${key}' is ${previewJson(raw, 80)}, which Blockprop does not support yet; change it to a supported ${spec.type} and export again.`;
      }
      return `${label}: '${key}' is ${previewJson(raw, 60)}, which is not a valid ${key} (expected ${expectedType(spec.type)}).`;
    }
    warnings.push(`${label}: setting '${key}' is not supported by Blockprop and was not imported.`);
  }
  return frozen ? { ...result.params, trainable: false } : result.params;
}

function expectedType(type: string): string {
  const words: Readonly<Record<string, string>> = {
    int: 'a whole number', float: 'a number', bool: 'true or false', enum: 'one of its options', string: 'text',
    tuple: 'a list of whole numbers', ints: 'a list of whole numbers', shape: 'a shape', axis: 'an axis number',
    padding2d: '((top, bottom), (left, right))', activation: 'an activation name', initializer: 'a Keras initializer',
    regularizer: 'a Keras regularizer or null', constraint: 'a Keras constraint or null',
  };
  return own(words, type) ?? type;
}

function dtypeName(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'float32';
  if (isJsonObject(value) && isJsonObject(value.config) && typeof value.config.name === 'string') return value.config.name;
  return previewJson(value, 40);
}
