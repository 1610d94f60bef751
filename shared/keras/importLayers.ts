import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';
import { describe } from './importFormat';

/** One layer entry of a model config, checked for shape but not yet for meaning. */
export interface RawLayer {
  readonly className: string;
  readonly name: string;
  readonly config: JsonObject;
  /** Functional only: the names of the layers feeding it, in input order. */
  readonly inputs: readonly string[];
}

export type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const nestedModelClasses = new Set(['Sequential', 'Functional', 'Model']);

/** Reads the `layers` list: every entry needs a class_name, a config and a name. */
export function readLayers(list: JsonValue | undefined, functional: boolean): Step<RawLayer[]> {
  if (!Array.isArray(list)) {
    return { ok: false, message: `The model's "layers" should be a list, but it is ${describe(list)}.` };
  }
  const out: RawLayer[] = [];
  for (let i = 0; i < list.length; i++) {
    const entry: JsonValue = list[i] ?? null;
    const where = `Layer #${i + 1}`;
    if (!isJsonObject(entry)) return { ok: false, message: `${where} should be an object, but it is ${describe(entry)}.` };
    const className = entry.class_name;
    if (typeof className !== 'string') return { ok: false, message: `${where} has no "class_name" text.` };
    const config = entry.config;
    if (!isJsonObject(config)) return { ok: false, message: `${where} (${className}) has no "config" object.` };
    const nameValue = entry.name ?? config.name;
    if (typeof nameValue !== 'string' || nameValue === '') {
      return { ok: false, message: `${where} (${className}) has no "name"; every Keras layer needs one.` };
    }
    if (nestedModelClasses.has(className)) {
      return {
        ok: false,
        message: `Layer '${nameValue}' is a nested model (${className}); Blockprop does not support models inside models yet. Flatten it into one model (add its layers directly) and import again.`,
      };
    }
    let inputs: string[] = [];
    if (functional) {
      const read = readInbound(entry.inbound_nodes, nameValue);
      if (!read.ok) return read;
      inputs = read.value;
    }
    out.push({ className, name: nameValue, config, inputs });
  }
  return { ok: true, value: out };
}

/**
 * The layer names a functional layer is called on. Keras 3 writes
 * `[{args: [tensor | [tensors]], kwargs}]` with `keras_history: [name, node, index]`;
 * tf.keras 2 and TF.js write `[[[name, node, index, kwargs], …]]`.
 */
function readInbound(value: JsonValue | undefined, layer: string): Step<string[]> {
  if (value === undefined) return { ok: false, message: `Layer '${layer}' has no "inbound_nodes"; a functional model lists each layer's inputs there.` };
  if (!Array.isArray(value)) return { ok: false, message: `Layer '${layer}' has "inbound_nodes" that is ${describe(value)}, not a list.` };
  if (value.length === 0) return { ok: true, value: [] };
  if (value.length > 1) {
    return { ok: false, message: `Layer '${layer}' is called ${value.length} times (a shared layer); Blockprop does not support shared layers yet.` };
  }
  const node: JsonValue = value[0] ?? null;
  const refs: JsonValue[] = [];
  if (isJsonObject(node)) {
    const args = node.args;
    if (!Array.isArray(args) || args.length === 0) return { ok: false, message: `Layer '${layer}' has an inbound node without "args".` };
    const first: JsonValue = args[0] ?? null;
    if (Array.isArray(first)) refs.push(...first);
    else refs.push(first);
    const kwargs = node.kwargs;
    // Keras records `mask=None` (BatchNormalization, Softmax) and `training=False` (Dropout) by
    // itself; only other arguments change what the layer does.
    const used = isJsonObject(kwargs)
      ? Object.entries(kwargs).filter(([k, v]) => v !== null && !(k === 'training' && v === false)).map(([k]) => k)
      : [];
    if (used.length > 0) {
      return { ok: false, message: `Layer '${layer}' is called with arguments (${used.join(', ')}); Blockprop does not support call arguments yet.` };
    }
  } else if (Array.isArray(node)) {
    refs.push(...node);
  } else {
    return { ok: false, message: `Layer '${layer}' has an inbound node that is ${describe(node)}.` };
  }
  const names: string[] = [];
  for (const ref of refs) {
    const history = readRef(ref);
    if (!history.ok) return { ok: false, message: `Layer '${layer}': ${history.message}` };
    const [name, nodeIndex, tensorIndex] = history.value;
    if (nodeIndex !== 0 || tensorIndex !== 0) {
      return { ok: false, message: `Layer '${layer}' uses output ${tensorIndex} of call ${nodeIndex} of '${name}' (a shared or multi-output layer); Blockprop does not support that yet.` };
    }
    names.push(name);
  }
  return { ok: true, value: names };
}

/** `[name, node, tensor(, kwargs)]` or a `__keras_tensor__` with `keras_history`. */
export function readRef(ref: JsonValue): Step<[string, number, number]> {
  let triple: JsonValue = ref;
  if (isJsonObject(ref)) {
    const config = ref.config;
    if (ref.class_name !== '__keras_tensor__' || !isJsonObject(config)) {
      return { ok: false, message: `an input is ${describe(ref)}, not a Keras tensor reference.` };
    }
    triple = config.keras_history ?? null;
  }
  if (!Array.isArray(triple) || typeof triple[0] !== 'string') {
    return { ok: false, message: `an input reference is ${describe(triple)}, expected ["layer_name", 0, 0].` };
  }
  const nodeIndex = typeof triple[1] === 'number' ? triple[1] : 0;
  const tensorIndex = typeof triple[2] === 'number' ? triple[2] : 0;
  return { ok: true, value: [triple[0], nodeIndex, tensorIndex] };
}

/** `input_layers` / `output_layers`: one `[name, 0, 0]` or a list of them. */
export function readEndpoints(value: JsonValue | undefined, what: string): Step<string[]> {
  if (!Array.isArray(value)) return { ok: false, message: `The model's "${what}" should be a list, but it is ${describe(value)}.` };
  const list: JsonValue[] = typeof value[0] === 'string' ? [value] : [...value];
  const names: string[] = [];
  for (const ref of list) {
    const read = readRef(ref);
    if (!read.ok) return { ok: false, message: `The model's "${what}": ${read.message}` };
    names.push(read.value[0]);
  }
  return { ok: true, value: names };
}
