import type { GraphNode } from '../graph/types';
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject, own } from '../json';
import { jsonEqual } from '../layers/configCodec';
import { kerasObjectDefaults } from '../layers/kerasObjects';
import type { LayerDef, ParamSpec } from '../layers/types';
import { isPyIdentifier, pyFloat, pyKwarg, pyString, pyValue } from './pythonLiteral';

/** Keras 3 constructor arguments without a default, written positionally in Keras's order. */
const required: Readonly<Record<string, readonly string[]>> = {
  Conv2D: ['filters', 'kernel_size'],
  SeparableConv2D: ['filters', 'kernel_size'],
  Conv2DTranspose: ['filters', 'kernel_size'],
  DepthwiseConv2D: ['kernel_size'],
  Dense: ['units'],
  Dropout: ['rate'],
  SpatialDropout2D: ['rate'],
  Activation: ['activation'],
  Reshape: ['target_shape'],
  Rescaling: ['scale'],
  AveragePooling2D: ['pool_size'],
};

const objectModule = { initializer: 'initializers', regularizer: 'regularizers', constraint: 'constraints' } as const;

/**
 * `layers.Conv2D(32, kernel_size=(3, 3), activation="relu", name="conv2d")`: every parameter that
 * differs from Keras's default, and the layer's name, so the built model matches the graph.
 */
export function layerConstructor(node: GraphNode, def: LayerDef): string {
  const positional = own(required, node.kind) ?? [];
  const first: string[] = [];
  const args: string[] = [];
  for (const name of positional) {
    const spec = def.params.find((p) => p.name === name);
    const value = node.params[name];
    if (spec && value !== undefined) first.push(paramCode(spec, value));
  }
  for (const spec of def.params) {
    const value = node.params[spec.name];
    if (value === undefined || positional.includes(spec.name) || jsonEqual(value, spec.default)) continue;
    args.push(`${spec.name}=${paramCode(spec, value)}`);
  }
  args.unshift(...first);
  args.push(`name=${pyString(node.name)}`);
  return `layers.${node.kind}(${args.join(', ')})`;
}

export function paramCode(spec: ParamSpec, value: JsonValue): string {
  switch (spec.type) {
    case 'float':
      return typeof value === 'number' ? pyFloat(value) : pyValue(value);
    case 'initializer':
    case 'regularizer':
    case 'constraint':
      return kerasObjectCode(spec.type, value);
    default:
      return pyValue(value);
  }
}

/** `keras.regularizers.L2(l2=0.0001)`, `keras.initializers.HeNormal()`; None stays None. */
function kerasObjectCode(kind: 'initializer' | 'regularizer' | 'constraint', value: JsonValue): string {
  if (!isJsonObject(value) || typeof value.class_name !== 'string') return 'None';
  const className = value.class_name;
  const config: JsonObject = isJsonObject(value.config) ? value.config : {};
  const defaults = kerasObjectDefaults(kind, className) ?? {};
  // A class name from a file is user text: only a plain identifier becomes code; anything else
  // goes through Keras's own deserialize as an escaped literal (Keras then refuses it if unknown).
  if (!isPyIdentifier(className)) return `keras.${objectModule[kind]}.deserialize(${pyValue({ class_name: className, config })})`;
  const args = Object.entries(config)
    .filter(([k, v]) => !jsonEqual(v, defaults[k]))
    .map(([k, v]) => pyKwarg(k, typeof defaults[k] === 'number' && typeof v === 'number' && !Number.isInteger(defaults[k]) ? pyFloat(v) : pyValue(v)));
  return `keras.${objectModule[kind]}.${className}(${args.join(', ')})`;
}
