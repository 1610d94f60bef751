import type { JsonObject, JsonValue } from '../json';
import { isJsonObject, own as ownEntry } from '../json';
import type { ExportLayer } from './exportPlan';
import { nestedKind, toKeras2Nested, toKeras3Nested } from './nested';

/** Keras 3's dtype policy object, as every layer but InputLayer writes it. */
export const float32Policy: JsonObject = {
  module: 'keras',
  class_name: 'DTypePolicy',
  config: { name: 'float32' },
  registered_name: null,
};

/**
 * Classes Keras builds in `__init__` (`_build_at_init`), or whose build takes no shape: they
 * write no `build_config`. Checked against real Keras 3.15 output (tests/fixtures/keras).
 */
const builtAtInit = new Set([
  'InputLayer',
  'Dropout',
  'SpatialDropout2D',
  'LeakyReLU',
  'ReLU',
  'Softmax',
  'Activation',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Reshape',
]);

/** `{input_shape}` as Keras records it when the layer is built (a list of shapes for merges). */
export function buildConfig(layer: ExportLayer): JsonObject | null {
  if (builtAtInit.has(layer.node.kind)) return null;
  const multi = layer.def.inputs.max > 1;
  const input: JsonValue = multi ? layer.inputShapes.map((s) => [...s]) : [...(layer.inputShapes[0] ?? [])];
  return { input_shape: input };
}

/** The layer's own entries (without name/trainable/dtype), as graph params hold them. */
function ownEntries(layer: ExportLayer): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(layer.def.toConfig(layer.node.params))) {
    if (k === 'name' || k === 'trainable' || k === 'dtype') continue;
    out[k] = v;
  }
  return out;
}

function trainableOf(layer: ExportLayer): boolean {
  const t = layer.node.params.trainable;
  return typeof t === 'boolean' ? t : true;
}

function batchShape(layer: ExportLayer, own: JsonObject): JsonValue {
  if (Array.isArray(own.batch_shape)) return own.batch_shape;
  return [...layer.outputShape];
}

/** InputLayer's config as both formats write it, its batch shape under `shapeKey`. */
function inputLayerConfig(layer: ExportLayer, own: JsonObject, shapeKey: 'batch_shape' | 'batch_input_shape'): Record<string, JsonValue> {
  return { [shapeKey]: batchShape(layer, own), dtype: 'float32', sparse: own.sparse ?? false, ragged: own.ragged ?? false, name: layer.node.name };
}

/** Keras 3 `layer.get_config()`. */
export function keras3Config(layer: ExportLayer): JsonObject {
  const own = ownEntries(layer);
  if (layer.node.kind === 'InputLayer') return { ...inputLayerConfig(layer, own, 'batch_shape'), optional: own.optional ?? false };
  if (layer.node.kind === 'SpatialDropout2D') {
    // Keras 3.15's SpatialDropout get_config writes its own dict: no trainable, dtype as a string.
    return { rate: own.rate ?? 0.5, seed: own.seed ?? null, name: layer.node.name, dtype: 'float32', ...omitKeys(own, ['rate', 'seed']) };
  }
  const out: Record<string, JsonValue> = { name: layer.node.name, trainable: trainableOf(layer), dtype: float32Policy };
  for (const [k, v] of Object.entries(own)) {
    const kind = nestedKind(k);
    out[k] = kind ? toKeras3Nested(v, kind) : v;
  }
  return out;
}

/**
 * Keras-3-only entries that tf.keras 2 constructors reject; left out when they hold their
 * default (a non-default value is kept: tf.keras 2.12+ and Keras 3 understand it).
 */
const keras3OnlyDefaults: Readonly<Record<string, Readonly<Record<string, JsonValue>>>> = {
  Dense: { quantization_config: null, lora_rank: null, lora_alpha: null },
  BatchNormalization: { synchronized: false },
  LayerNormalization: { rms_scaling: false },
  InputLayer: { optional: false },
};

export type Keras2Flavour = 'keras2' | 'tfjs';

/** tf.keras 2 / TF.js config: dtype strings, `batch_input_shape`, `{class_name, config}` objects. */
export function keras2Config(layer: ExportLayer, flavour: Keras2Flavour): JsonObject {
  const own = ownEntries(layer);
  const dropDefaults = ownEntry(keras3OnlyDefaults, layer.node.kind) ?? {};
  if (layer.node.kind === 'InputLayer') return inputLayerConfig(layer, own, 'batch_input_shape');
  const out: Record<string, JsonValue> = { name: layer.node.name, trainable: trainableOf(layer), dtype: 'float32' };
  // Keras 3's SpatialDropout2D (also its legacy tf.keras loader) takes no `trainable`; tf.keras 2 defaults it to true.
  if (layer.node.kind === 'SpatialDropout2D') delete out.trainable;
  for (const [k, v] of Object.entries(own)) {
    if (Object.hasOwn(dropDefaults, k) && sameJson(dropDefaults[k] ?? null, v)) continue;
    const kind = nestedKind(k);
    let value = kind ? toKeras2Nested(v, kind) : v;
    if (flavour === 'tfjs' && kind === 'regularizers') value = tfjsRegularizer(value);
    // tf.keras 2 and TF.js call LeakyReLU's slope `alpha`.
    out[layer.node.kind === 'LeakyReLU' && k === 'negative_slope' ? 'alpha' : k] = value;
  }
  return out;
}

/**
 * The class and config a layer is written with in tf.keras 2 / TF.js form. TF.js 4.22 lacks a
 * few things Keras has; where an exact equivalent exists the TF.js flavour writes that instead:
 * SpatialDropout2D is Dropout with noise_shape (None, 1, 1, C); Global*Pooling2D with
 * keepdims=True is *Pooling2D over the whole image; activation 'silu' is TF.js's 'swish'.
 */
export function keras2Entry(layer: ExportLayer, flavour: Keras2Flavour): { className: string; config: JsonObject } {
  const config = keras2Config(layer, flavour);
  if (flavour === 'keras2') return { className: layer.node.kind, config };
  const kind = layer.node.kind;
  const fixed: Record<string, JsonValue> = { ...config };
  if (fixed.activation === 'silu') fixed.activation = 'swish';
  // TF.js computes no symbolic size for -1; the inferred shape is exact.
  if (kind === 'Reshape' && layer.outputShape.slice(1).every((d) => typeof d === 'number')) fixed.target_shape = layer.outputShape.slice(1);
  if (kind === 'SpatialDropout2D') {
    const channels = layer.inputShapes[0]?.[3] ?? null;
    return {
      className: 'Dropout',
      config: {
        name: config.name ?? null,
        trainable: config.trainable ?? true,
        dtype: 'float32',
        rate: config.rate ?? 0.5,
        noise_shape: [null, 1, 1, channels],
        seed: config.seed ?? null,
      },
    };
  }
  if ((kind === 'GlobalAveragePooling2D' || kind === 'GlobalMaxPooling2D') && config.keepdims === true) {
    const input = layer.inputShapes[0] ?? [];
    const window = [input[1] ?? 1, input[2] ?? 1];
    return {
      className: kind === 'GlobalAveragePooling2D' ? 'AveragePooling2D' : 'MaxPooling2D',
      config: {
        name: config.name ?? null,
        trainable: config.trainable ?? true,
        dtype: 'float32',
        pool_size: window,
        padding: 'valid',
        strides: window,
        data_format: 'channels_last',
      },
    };
  }
  return { className: kind, config: fixed };
}

/** What TF.js 4.22 cannot run at all, named for the user (null when the layer is fine). */
export function tfjsProblem(layer: ExportLayer): string | null {
  const activity = layer.node.params.activity_regularizer;
  if (activity !== undefined && activity !== null) {
    return `${layer.node.kind} '${layer.node.name}' has an activity regularizer, which TensorFlow.js cannot train; remove it to train in Blockprop (Keras exports keep it).`;
  }
  return null;
}

/** TF.js registers only `L1L2` (its `l1()`/`l2()` helpers build one). */
function tfjsRegularizer(value: JsonValue): JsonValue {
  if (!isJsonObject(value) || !isJsonObject(value.config)) return value;
  const c = value.config;
  const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : 0);
  if (value.class_name === 'L1') return { class_name: 'L1L2', config: { l1: num(c.l1), l2: 0 } };
  if (value.class_name === 'L2') return { class_name: 'L1L2', config: { l1: 0, l2: num(c.l2) } };
  return value;
}

function omitKeys(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

export function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
