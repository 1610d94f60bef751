import { failure } from '../api/outcome';
import { isJsonObject, own, type JsonObject, type JsonValue } from '../json';
import type { Params } from '../graph/types';
import { encodeKerasObject, normalizeActivation, normalizeKerasObject, type Normalized } from './kerasObjects';
import type { FromConfigResult, ParamSpec } from './types';
import { defaultParams } from './validateParam';

/**
 * Config keys the serializer owns for every layer; `fromConfig` ignores them:
 * name, trainable, dtype (Keras 3 DTypePolicy or a Keras 2 dtype string), and the Keras 2 / TF.js
 * first-layer shape hints batch_input_shape, input_shape, batch_size (the serializer turns those
 * into an InputLayer). InputLayer itself reads batch_input_shape / batch_shape.
 */
export const serializerKeys: readonly string[] = ['name', 'trainable', 'dtype', 'batch_input_shape', 'input_shape', 'batch_size'];

/** One entry of a Keras config, in Keras's key order: a param's key, or a constant Keras always writes. */
export type ConfigEntry =
  | string
  | {
      readonly key: string;
      /** What Keras 3 writes. */
      readonly value: JsonValue;
      /** Other values meaning the same on import (e.g. data_format null in old configs). */
      readonly accept?: readonly JsonValue[];
      /** Written only when the value is not the default (activity_regularizer on Dense). */
      readonly omitWhen?: JsonValue;
    };

export interface CodecOptions {
  /** Keras 2 / TF.js key -> our param key (LeakyReLU alpha -> negative_slope). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Legacy keys Keras 3 does not write, accepted silently when they hold one of these values. */
  readonly legacy?: Readonly<Record<string, readonly JsonValue[]>>;
  /** Param keys written only when their value is not null (Keras omits them then). */
  readonly omitNull?: readonly string[];
}

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A whole number JavaScript holds exactly: 1e20 or 1.8e308 are floats to Keras and past 2^53 here. */
function isInt(v: JsonValue | undefined): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

const bad = (reason: string): Normalized => failure(reason);

/** Reads one config value in any shape Keras 3, tf.keras 2 or TF.js writes into our stored form. */
export function decodeParam(spec: ParamSpec, raw: JsonValue | undefined): Normalized {
  if (raw === undefined) return { ok: true, value: spec.default };
  switch (spec.type) {
    case 'int':
      if (raw === null && spec.nullable) return { ok: true, value: null };
      return isInt(raw) ? { ok: true, value: raw } : bad('is not a whole number');
    case 'float':
      if (raw === null && spec.nullable) return { ok: true, value: null };
      return typeof raw === 'number' && Number.isFinite(raw) ? { ok: true, value: raw } : bad('is not a number');
    case 'bool':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : bad('is not true/false');
    case 'enum': {
      const v = typeof raw === 'string' ? raw.toLowerCase() : raw;
      return typeof v === 'string' && spec.options.includes(v) ? { ok: true, value: v } : bad(`is not one of ${spec.options.join(', ')}`);
    }
    case 'string':
      if (raw === null && spec.nullable) return { ok: true, value: null };
      return typeof raw === 'string' ? { ok: true, value: raw } : bad('is not text');
    case 'tuple':
      if (raw === null) return spec.nullable ? { ok: true, value: null } : bad('is empty');
      if (isInt(raw)) return { ok: true, value: Array.from({ length: spec.length }, () => raw) };
      if (Array.isArray(raw) && raw.length === spec.length && raw.every(isInt)) return { ok: true, value: [...raw] };
      return bad(`is not ${spec.length} whole numbers`);
    case 'ints':
      if (isInt(raw)) return { ok: true, value: [raw] };
      return Array.isArray(raw) && raw.every(isInt) ? { ok: true, value: [...raw] } : bad('is not a list of whole numbers');
    case 'shape':
      if (raw === null) return spec.nullable ? { ok: true, value: null } : bad('is empty');
      return Array.isArray(raw) && raw.every((d) => d === null || isInt(d)) ? { ok: true, value: [...raw] } : bad('is not a shape');
    case 'axis':
      if (isInt(raw)) return { ok: true, value: raw };
      return Array.isArray(raw) && raw.every(isInt) ? { ok: true, value: [...raw] } : bad('is not an axis');
    case 'padding2d': {
      if (isInt(raw))
        return {
          ok: true,
          value: [
            [raw, raw],
            [raw, raw],
          ],
        };
      if (Array.isArray(raw) && raw.length === 2) {
        const [h, w] = raw;
        if (isInt(h) && isInt(w))
          return {
            ok: true,
            value: [
              [h, h],
              [w, w],
            ],
          };
        const pair = (p: JsonValue | undefined): number[] | null => (isInt(p) ? [p, p] : Array.isArray(p) && p.length === 2 && p.every(isInt) ? [...p] : null);
        const ph = pair(h);
        const pw = pair(w);
        if (ph !== null && pw !== null) return { ok: true, value: [ph, pw] };
      }
      return bad('is not ((top, bottom), (left, right))');
    }
    case 'activation':
      return normalizeActivation(raw);
    case 'initializer':
    case 'regularizer':
    case 'constraint':
      return normalizeKerasObject(spec.type, raw);
  }
}

/** Our stored value -> what Keras 3 writes for it. */
export function encodeParam(spec: ParamSpec, value: JsonValue | undefined): JsonValue {
  const v = value === undefined ? spec.default : value;
  if (spec.type === 'initializer' || spec.type === 'regularizer' || spec.type === 'constraint') return encodeKerasObject(spec.type, v);
  return v;
}

export interface Codec {
  toConfig(params: Params): JsonObject;
  fromConfig(config: JsonObject): FromConfigResult;
}

/**
 * Builds a layer's toConfig / fromConfig from its param specs and Keras's config layout.
 * Anything the import cannot represent is named in `unsupported` (its key), never dropped silently.
 */
export function makeCodec(specs: readonly ParamSpec[], layout: readonly ConfigEntry[], options: CodecOptions = {}): Codec {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const fixed = new Map<string, Exclude<ConfigEntry, string>>();
  for (const entry of layout) {
    if (typeof entry === 'string') {
      if (!byName.has(entry)) throw new Error(`layout names unknown param ${entry}`);
    } else {
      fixed.set(entry.key, entry);
    }
  }
  const omitNull = new Set(options.omitNull ?? []);
  return {
    toConfig(params) {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of layout) {
        if (typeof entry === 'string') {
          const spec = byName.get(entry);
          if (spec === undefined) continue;
          const value = encodeParam(spec, params[entry]);
          if (value === null && omitNull.has(entry)) continue;
          out[entry] = value;
        } else if (entry.omitWhen === undefined || !jsonEqual(entry.value, entry.omitWhen)) {
          out[entry.key] = entry.value;
        }
      }
      return out;
    },
    fromConfig(config) {
      const params: { [key: string]: JsonValue } = { ...defaultParams({ params: specs }) };
      const unsupported: string[] = [];
      for (const [rawKey, value] of Object.entries(config)) {
        if (serializerKeys.includes(rawKey)) continue;
        const key = (options.aliases ? own(options.aliases, rawKey) : undefined) ?? rawKey;
        const spec = byName.get(key);
        if (spec !== undefined) {
          const decoded = decodeParam(spec, value);
          if (decoded.ok) params[key] = decoded.value;
          else unsupported.push(rawKey);
          continue;
        }
        const constant = fixed.get(key);
        if (constant !== undefined) {
          if (!jsonEqual(value, constant.value) && !(constant.accept ?? []).some((a) => jsonEqual(a, value))) unsupported.push(rawKey);
          continue;
        }
        const legacy = options.legacy ? own(options.legacy, key) : undefined;
        if (legacy !== undefined && legacy.some((a) => jsonEqual(a, value))) continue;
        unsupported.push(rawKey);
      }
      return { params, unsupported };
    },
  };
}

/** data_format as Keras 3 writes it; channels_first cannot be represented (Blockprop is channels-last). */
export const channelsLast: ConfigEntry = { key: 'data_format', value: 'channels_last', accept: [null] };
