import { failure, type Outcome } from '../api/outcome';
import { isJsonObject, own, previewJson, type JsonObject, type JsonValue } from '../json';

/**
 * Keras's serialisable helper objects — activations, initializers, regularizers, constraints —
 * as Blockprop stores them in layer params and as Keras 3 writes them.
 *
 * Stored form: an activation is its Keras name ('relu'); the others are `{ class_name, config }`
 * with the complete Keras 3 config (every key Keras 3 writes, in its order), never with
 * `module` / `registered_name` — those are added by `encodeKerasObject`.
 */

/** Activation names offered for layers (Keras 3 names that TensorFlow.js can also train). */
export const activationNames: readonly string[] = [
  'linear',
  'relu',
  'sigmoid',
  'softmax',
  'tanh',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'relu6',
  'silu',
  'gelu',
  'hard_sigmoid',
  'mish',
];

/** Names other Keras / TF.js versions write for the same activation. */
const activationAliases: Readonly<Record<string, string>> = {
  swish: 'silu', // Keras 3 deserialises 'swish' to silu and writes 'silu'
  hardSigmoid: 'hard_sigmoid',
};

export type ObjectKind = 'initializer' | 'regularizer' | 'constraint';

interface ClassInfo {
  /** Keras 3 default config, in Keras's key order. */
  readonly defaults: JsonObject;
  /** Keys other writers (tf.keras, TF.js) add that the class implies; dropped on import. */
  readonly implied?: readonly string[];
}

const fanInit: ClassInfo = {
  defaults: { seed: null, input_axes: null, output_axes: null },
  implied: ['scale', 'mode', 'distribution'],
};

const catalogs: Readonly<Record<ObjectKind, Readonly<Record<string, ClassInfo>>>> = {
  initializer: {
    Zeros: { defaults: {} },
    Ones: { defaults: {} },
    Constant: { defaults: { value: 0.0 } },
    RandomNormal: { defaults: { seed: null, mean: 0.0, stddev: 0.05 } },
    RandomUniform: { defaults: { seed: null, minval: -0.05, maxval: 0.05 } },
    TruncatedNormal: { defaults: { seed: null, mean: 0.0, stddev: 0.05 } },
    GlorotUniform: fanInit,
    GlorotNormal: fanInit,
    HeNormal: fanInit,
    HeUniform: fanInit,
    LecunNormal: fanInit,
    LecunUniform: fanInit,
    VarianceScaling: {
      defaults: { seed: null, scale: 1.0, mode: 'fan_in', distribution: 'truncated_normal', input_axes: null, output_axes: null },
    },
    Orthogonal: { defaults: { seed: null, gain: 1.0 } },
  },
  regularizer: {
    L1: { defaults: { l1: 0.01 } },
    L2: { defaults: { l2: 0.01 } },
    L1L2: { defaults: { l1: 0.0, l2: 0.0 } },
  },
  constraint: {
    MaxNorm: { defaults: { max_value: 2, axis: 0 } },
    NonNeg: { defaults: {} },
    UnitNorm: { defaults: { axis: 0 } },
    MinMaxNorm: { defaults: { min_value: 0.0, max_value: 1.0, rate: 1.0, axis: 0 } },
  },
};

/** snake_case / legacy names Keras accepts for each class. */
const classAliases: Readonly<Record<ObjectKind, Readonly<Record<string, string>>>> = {
  initializer: {
    zeros: 'Zeros',
    zero: 'Zeros',
    ones: 'Ones',
    one: 'Ones',
    constant: 'Constant',
    random_normal: 'RandomNormal',
    normal: 'RandomNormal',
    random_uniform: 'RandomUniform',
    uniform: 'RandomUniform',
    truncated_normal: 'TruncatedNormal',
    glorot_uniform: 'GlorotUniform',
    glorot_normal: 'GlorotNormal',
    he_normal: 'HeNormal',
    he_uniform: 'HeUniform',
    lecun_normal: 'LecunNormal',
    lecun_uniform: 'LecunUniform',
    variance_scaling: 'VarianceScaling',
    orthogonal: 'Orthogonal',
  },
  regularizer: { l1: 'L1', l2: 'L2', l1_l2: 'L1L2', L1L2Regularizer: 'L1L2' },
  constraint: {
    max_norm: 'MaxNorm',
    maxnorm: 'MaxNorm',
    non_neg: 'NonNeg',
    nonneg: 'NonNeg',
    unit_norm: 'UnitNorm',
    unitnorm: 'UnitNorm',
    min_max_norm: 'MinMaxNorm',
    minmaxnorm: 'MinMaxNorm',
  },
};

/** The Keras 3 class names Blockprop offers for a kind (initializers, regularizers, constraints). */
export function kerasObjectClasses(kind: ObjectKind): readonly string[] {
  return Object.keys(catalogs[kind]);
}

/** Keras 3's default config for a class, or undefined when unknown. */
export function kerasObjectDefaults(kind: ObjectKind, className: string): JsonObject | undefined {
  return own(catalogs[kind], className)?.defaults;
}

const moduleOf: Readonly<Record<ObjectKind, string>> = {
  initializer: 'keras.initializers',
  regularizer: 'keras.regularizers',
  constraint: 'keras.constraints',
};

/** A config value in our stored form, or why it cannot be (a clause: "is not an activation name"). */
export type Normalized = Outcome<JsonValue>;

/** Reads an activation as Keras 3, tf.keras or TF.js writes it; null means linear. */
export function normalizeActivation(raw: JsonValue | undefined): Normalized {
  let name: JsonValue | undefined = raw;
  if (isJsonObject(raw)) name = raw['config'];
  if (name === null || name === undefined) return { ok: true, value: 'linear' };
  if (typeof name !== 'string') return failure('is not an activation name');
  const canonical = own(activationAliases, name) ?? name;
  if (!activationNames.includes(canonical)) return failure(`activation '${name}' is not supported`);
  return { ok: true, value: canonical };
}

/**
 * Reads an initializer / regularizer / constraint in any of the forms Keras 3, tf.keras 2 and
 * TF.js write (a name string, `{class_name, config}` with or without module) into the stored form.
 */
export function normalizeKerasObject(kind: ObjectKind, raw: JsonValue | undefined): Normalized {
  if (raw === null || raw === undefined) {
    return kind === 'initializer' ? failure('an initializer is required') : { ok: true, value: null };
  }
  let className: string;
  let config: JsonObject = {};
  if (typeof raw === 'string') {
    className = raw;
  } else if (isJsonObject(raw) && typeof raw['class_name'] === 'string') {
    className = raw['class_name'];
    const c = raw['config'];
    if (c !== undefined && c !== null) {
      if (!isJsonObject(c)) return failure(`has a malformed config for ${className}`);
      config = c;
    }
  } else {
    return failure(`is not a Keras ${kind}`);
  }
  const canonical = own(catalogs[kind], className) ? className : own(classAliases[kind], className);
  const info = canonical === undefined ? undefined : own(catalogs[kind], canonical);
  if (canonical === undefined || info === undefined) return failure(`${kind} '${className}' is not supported`);
  const out: { [key: string]: JsonValue } = { ...info.defaults };
  for (const [key, value] of Object.entries(config)) {
    if (Object.hasOwn(info.defaults, key)) {
      const def = info.defaults[key];
      if (typeof def === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
        return failure(`${kind} ${canonical} has ${key} = ${previewJson(value, 40)}, which is not a finite number`);
      }
      out[key] = canonical === 'VarianceScaling' && key === 'distribution' && value === 'normal' ? 'truncated_normal' : value;
    } else if (!(info.implied ?? []).includes(key)) {
      return failure(`${kind} ${canonical} has an unsupported setting '${key}'`);
    }
  }
  if (canonical === 'L1' && typeof out['l1'] === 'number') out['l1'] = shortestFloat32(out['l1']);
  return { ok: true, value: { class_name: canonical, config: out } };
}

/** Stored form -> Keras 3 JSON (`module`, `class_name`, `config`, `registered_name`); null stays null. */
export function encodeKerasObject(kind: ObjectKind, value: JsonValue | undefined): JsonValue {
  if (!isJsonObject(value) || typeof value['class_name'] !== 'string') return null;
  const className = value['class_name'];
  const config = isJsonObject(value['config']) ? { ...value['config'] } : {};
  // Keras 3 keeps L1's factor as a float32 tensor, so it writes the float32 value.
  if (className === 'L1' && typeof config['l1'] === 'number') config['l1'] = Math.fround(config['l1']);
  return { module: moduleOf[kind], class_name: className, config, registered_name: null };
}

/** Checks a stored helper object's class and numeric settings; returns an error fragment or null. */
export function validateKerasObject(kind: ObjectKind, value: JsonValue | undefined): string | null {
  if (value === null || value === undefined) return kind === 'initializer' ? 'needs an initializer' : null;
  if (!isJsonObject(value) || typeof value['class_name'] !== 'string') return `must be a Keras ${kind}`;
  const info = own(catalogs[kind], value['class_name']);
  if (info === undefined) return `${kind} '${value['class_name']}' is not supported`;
  const config = value['config'];
  if (!isJsonObject(config)) return `${value['class_name']} needs its settings`;
  for (const [key, def] of Object.entries(info.defaults)) {
    const v = config[key];
    if (v === undefined) continue;
    if (typeof def === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) return `${value['class_name']} ${key} must be a finite number`;
    if (key === 'seed' && v !== null && !(typeof v === 'number' && Number.isSafeInteger(v))) return 'seed must be a whole number or empty';
    if ((key === 'l1' || key === 'l2') && typeof v === 'number' && v < 0) return `${key} must be 0 or more`;
    if ((key === 'stddev' || key === 'max_value' || key === 'scale') && typeof v === 'number' && v <= 0) return `${key} must be greater than 0`;
  }
  return null;
}

/** The shortest decimal that rounds to the same float32 (0.009999999776482582 -> 0.01). */
export function shortestFloat32(x: number): number {
  const target = Math.fround(x);
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return x;
}
