import { failure, success, type Outcome } from '../api/outcome';
import type { JsonValue } from '../json';
import { isJsonObject } from '../json';
import { describe } from './modelSpec';

/*
 * How a functional model says what feeds each layer. Keras 3 and tf.keras 2 write it differently,
 * and a TF.js model.json holds whichever its converter's Keras wrote, so every format reads both.
 */

/**
 * The layer names a functional layer is called on. Keras 3 writes
 * `[{args: [tensor | [tensors]], kwargs}]` with `keras_history: [name, node, index]`;
 * tf.keras 2 and TF.js write `[[[name, node, index, kwargs], …]]`.
 */
export function readInbound(value: JsonValue | undefined, layer: string): Outcome<string[]> {
  if (value === undefined) return failure(`Layer '${layer}' has no "inbound_nodes"; a functional model lists each layer's inputs there.`);
  if (!Array.isArray(value)) return failure(`Layer '${layer}' has "inbound_nodes" that is ${describe(value)}, not a list.`);
  if (value.length === 0) return success([]);
  if (value.length > 1) {
    return failure(`Layer '${layer}' is called ${value.length} times (a shared layer); Blockprop does not support shared layers yet.`);
  }
  const refs = nodeRefs(value[0] ?? null, layer);
  if (!refs.ok) return refs;
  const names: string[] = [];
  for (const ref of refs.value) {
    const history = readRef(ref);
    if (!history.ok) return failure(`Layer '${layer}': ${history.error.message}`);
    const [name, nodeIndex, tensorIndex] = history.value;
    if (nodeIndex !== 0 || tensorIndex !== 0) {
      return failure(
        `Layer '${layer}' uses output ${tensorIndex} of call ${nodeIndex} of '${name}' (a shared or multi-output layer); Blockprop does not support that yet.`,
      );
    }
    names.push(name);
  }
  return success(names);
}

/** The tensor references of one inbound node, in either form. */
function nodeRefs(node: JsonValue, layer: string): Outcome<JsonValue[]> {
  if (Array.isArray(node)) return success([...node]);
  if (!isJsonObject(node)) return failure(`Layer '${layer}' has an inbound node that is ${describe(node)}.`);
  const args = node.args;
  if (!Array.isArray(args) || args.length === 0) return failure(`Layer '${layer}' has an inbound node without "args".`);
  const first: JsonValue = args[0] ?? null;
  const kwargs = node.kwargs;
  // Keras records `mask=None` (BatchNormalization, Softmax) and `training=False` (Dropout) by
  // itself; only other arguments change what the layer does.
  const used = isJsonObject(kwargs)
    ? Object.entries(kwargs)
        .filter(([k, v]) => v !== null && !(k === 'training' && v === false))
        .map(([k]) => k)
    : [];
  if (used.length > 0) {
    return failure(`Layer '${layer}' is called with arguments (${used.join(', ')}); Blockprop does not support call arguments yet.`);
  }
  return success(Array.isArray(first) ? [...first] : [first]);
}

/** `[name, node, tensor(, kwargs)]` or a `__keras_tensor__` with `keras_history`. */
function readRef(ref: JsonValue): Outcome<[string, number, number]> {
  let triple: JsonValue = ref;
  if (isJsonObject(ref)) {
    const config = ref.config;
    if (ref.class_name !== '__keras_tensor__' || !isJsonObject(config)) {
      return failure(`an input is ${describe(ref)}, not a Keras tensor reference.`);
    }
    triple = config.keras_history ?? null;
  }
  if (!Array.isArray(triple) || typeof triple[0] !== 'string') {
    return failure(`an input reference is ${describe(triple)}, expected ["layer_name", 0, 0].`);
  }
  const nodeIndex = typeof triple[1] === 'number' ? triple[1] : 0;
  const tensorIndex = typeof triple[2] === 'number' ? triple[2] : 0;
  return success([triple[0], nodeIndex, tensorIndex]);
}

/** `input_layers` / `output_layers`: one `[name, 0, 0]` or a list of them. */
export function readEndpoints(value: JsonValue | undefined, what: string): Outcome<string[]> {
  if (!Array.isArray(value)) return failure(`The model's "${what}" should be a list, but it is ${describe(value)}.`);
  const list: JsonValue[] = typeof value[0] === 'string' ? [value] : [...value];
  const names: string[] = [];
  for (const ref of list) {
    const read = readRef(ref);
    if (!read.ok) return failure(`The model's "${what}": ${read.error.message}`);
    names.push(read.value[0]);
  }
  return success(names);
}
