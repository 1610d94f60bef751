import { failure, success, type Outcome } from '../api/outcome';
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';
import { getLayerDef, layerDefs } from '../layers/registry';
import { readEndpoints, readInbound } from './inboundNodes';
import { describe, type ModelSpec, type RawLayer } from './modelSpec';

/*
 * The Keras model config itself: Keras 3, tf.keras 2 and TF.js all describe a model the same
 * way once their readers have found it ({class_name, config: {name, layers, input_layers,
 * output_layers}}), so one reader turns it into the builder's ModelSpec.
 */

const modelClasses = new Set(['Sequential', 'Functional', 'Model']);

/** A model object as a format reader finds it: a model class with a config, or a message saying what `where` holds instead. */
export function checkModel(value: unknown, where: string): Outcome<JsonObject> {
  if (!isJsonObject(value)) return failure(`${where} is not a Keras model object (it holds ${describe(value)}).`);
  const className = value.class_name;
  if (typeof className !== 'string') {
    return failure(`${where} has no "class_name"; expected a Keras model JSON such as model.to_json() writes.`);
  }
  if (!modelClasses.has(className)) {
    return failure(`${where} holds a '${className}', not a model; expected class_name "Sequential" or "Functional".`);
  }
  if (!('config' in value) || !(isJsonObject(value.config) || Array.isArray(value.config))) {
    return failure(`The ${className} model has no "config" object.`);
  }
  return success(value);
}

/** The layers, and for a functional model its inputs and outputs, of a checked model object. */
export function readModelConfig(model: JsonObject): Outcome<ModelSpec> {
  const sequential = model.class_name === 'Sequential';
  const config = model.config;
  // Early tf.keras Sequentials wrote the layer list as the config itself.
  const layerList: JsonValue | undefined = Array.isArray(config) ? config : isJsonObject(config) ? config.layers : undefined;
  const name = isJsonObject(config) && typeof config.name === 'string' && config.name !== '' ? config.name : 'model';
  const read = readLayers(layerList, !sequential);
  if (!read.ok) return read;
  const layers = read.value;
  if (layers.length === 0) return failure('The model has no layers.');
  // A layer Blockprop cannot represent is the first thing to hear about, before the model's ends.
  const known = knownLayers(layers);
  if (!known.ok) return known;
  if (sequential) {
    // A Keras 3 Sequential built with model.build(shape) records it as build_input_shape.
    const buildInputShape = isJsonObject(config) && Array.isArray(config.build_input_shape) ? config.build_input_shape : undefined;
    return success({ kind: 'Sequential', name, layers, buildInputShape });
  }
  const cfg: JsonObject = isJsonObject(config) ? config : {};
  const inputs = readEndpoints(cfg.input_layers, 'input_layers');
  if (!inputs.ok) return inputs;
  const outputs = readEndpoints(cfg.output_layers, 'output_layers');
  if (!outputs.ok) return outputs;
  return success({ kind: 'Functional', name, layers, inputs: inputs.value, outputs: outputs.value });
}

/** Reads the `layers` list: every entry needs a class_name, a config and a name. */
function readLayers(list: JsonValue | undefined, functional: boolean): Outcome<RawLayer[]> {
  if (!Array.isArray(list)) return failure(`The model's "layers" should be a list, but it is ${describe(list)}.`);
  const out: RawLayer[] = [];
  for (let i = 0; i < list.length; i++) {
    const layer = readLayer(list[i] ?? null, `Layer #${i + 1}`, functional);
    if (!layer.ok) return layer;
    out.push(layer.value);
  }
  return success(out);
}

function readLayer(entry: JsonValue, where: string, functional: boolean): Outcome<RawLayer> {
  if (!isJsonObject(entry)) return failure(`${where} should be an object, but it is ${describe(entry)}.`);
  const className = entry.class_name;
  if (typeof className !== 'string') return failure(`${where} has no "class_name" text.`);
  const config = entry.config;
  if (!isJsonObject(config)) return failure(`${where} (${className}) has no "config" object.`);
  const name = entry.name ?? config.name;
  if (typeof name !== 'string' || name === '') return failure(`${where} (${className}) has no "name"; every Keras layer needs one.`);
  // A layer that is itself a model (a model class) would need a graph inside a block.
  if (modelClasses.has(className)) {
    return failure(
      `Layer '${name}' is a nested model (${className}); Blockprop does not support models inside models yet. Flatten it into one model (add its layers directly) and import again.`,
    );
  }
  if (!functional) return success({ className, name, config, inputs: [] });
  const inputs = readInbound(entry.inbound_nodes, name);
  return inputs.ok ? success({ className, name, config, inputs: inputs.value }) : inputs;
}

/** Layer names identify layers (inputs are named, not numbered), and every class must be one Blockprop has. */
function knownLayers(layers: readonly RawLayer[]): Outcome<null> {
  const seen = new Set<string>();
  for (const layer of layers) {
    if (seen.has(layer.name)) return failure(`Two layers are named '${layer.name}'; Keras layer names must be unique.`);
    seen.add(layer.name);
    if (!getLayerDef(layer.className)) return failure(unknownClassMessage(layer));
  }
  return success(null);
}

export function unknownClassMessage(layer: RawLayer): string {
  const supported = layerDefs.map((d) => d.className).join(', ');
  return `Layer '${layer.name}' has class '${layer.className}', which Blockprop does not support yet; supported: ${supported}.`;
}
