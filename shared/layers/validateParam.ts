import { previewJson, type JsonValue } from '../json';
import type { Params } from '../graph/types';
import { activationNames, validateKerasObject } from './kerasObjects';
import type { LayerDef, LayerIssue, ParamSpec } from './types';

/** Whole numbers as Keras needs them: exact (within 2^53), so 1e20 or 1.8e308 are refused. */
function isInt(v: JsonValue | undefined): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function intList(v: JsonValue | undefined): readonly number[] | null {
  if (!Array.isArray(v)) return null;
  const out: number[] = [];
  for (const x of v) {
    if (!isInt(x)) return null;
    out.push(x);
  }
  return out;
}

/**
 * Checks one parameter value against its spec, as the inspector does while the user types.
 * Returns a sentence fragment completing "<param> …" ("must be a whole number of 1 or more") or null.
 */
export function validateParam(spec: ParamSpec, value: JsonValue | undefined): string | null {
  if (value === undefined) return 'is missing';
  switch (spec.type) {
    case 'int': {
      if (value === null) return spec.nullable ? null : 'needs a value';
      if (!isInt(value))
        return typeof value === 'number' && Number.isInteger(value) ? 'is too large to be exact (the limit is 2^53)' : 'must be a whole number';
      if (spec.min !== undefined && value < spec.min) return `must be ${spec.min} or more`;
      if (spec.max !== undefined && value > spec.max) return `must be ${spec.max} or less`;
      return null;
    }
    case 'float': {
      if (value === null) return spec.nullable ? null : 'needs a value';
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min)) {
        return spec.exclusiveMin ? `must be greater than ${spec.min}` : `must be ${spec.min} or more`;
      }
      if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max)) {
        return spec.exclusiveMax ? `must be less than ${spec.max}` : `must be ${spec.max} or less`;
      }
      return null;
    }
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? null : `must be one of ${spec.options.map((o) => `'${o}'`).join(', ')}`;
    case 'string':
      if (value === null) return spec.nullable ? null : 'needs a value';
      return typeof value === 'string' ? null : 'must be text';
    case 'tuple': {
      if (value === null) return spec.nullable ? null : 'needs a value';
      const list = intList(value);
      if (list === null || list.length !== spec.length) return `must be ${spec.length} whole numbers`;
      if (spec.min !== undefined && list.some((x) => x < (spec.min ?? 0))) return `must all be ${spec.min} or more`;
      return null;
    }
    case 'ints': {
      const list = intList(value);
      if (list === null || list.length === 0) return 'must be a list of whole numbers';
      if (spec.allowMinusOne) {
        if (list.filter((x) => x === -1).length > 1) return 'may contain -1 only once';
        if (list.some((x) => x < -1 || (spec.min !== undefined && x !== -1 && x < spec.min))) return `must be ${spec.min ?? 0} or more (or -1 once)`;
      } else if (spec.min !== undefined && list.some((x) => x < (spec.min ?? 0))) {
        return `must all be ${spec.min} or more`;
      }
      return null;
    }
    case 'shape': {
      if (value === null) return spec.nullable ? null : 'needs a shape';
      if (!Array.isArray(value) || value.length === 0) return 'must be a list of sizes';
      for (const d of value) {
        if (d === null) continue;
        if (!isInt(d) || d < 1) return 'sizes must be whole numbers of 1 or more (or empty for any size)';
      }
      return null;
    }
    case 'axis': {
      if (isInt(value)) return null;
      const list = intList(value);
      return list !== null && list.length > 0 ? null : 'must be an axis number or a list of them';
    }
    case 'padding2d': {
      if (!Array.isArray(value) || value.length !== 2) return 'must be ((top, bottom), (left, right))';
      for (const pair of value) {
        const list = intList(pair);
        if (list === null || list.length !== 2) return 'must be ((top, bottom), (left, right))';
        if (list.some((x) => x < 0)) return 'must not be negative';
      }
      return null;
    }
    case 'activation':
      return typeof value === 'string' && activationNames.includes(value) ? null : `must be one of ${activationNames.join(', ')}`;
    case 'initializer':
    case 'regularizer':
    case 'constraint':
      return validateKerasObject(spec.type, value);
  }
}

/** Every parameter at its default: what a block gets when dropped from the palette. */
export function defaultParams(def: Pick<LayerDef, 'params'>): Params {
  const out: { [key: string]: JsonValue } = {};
  for (const spec of def.params) out[spec.name] = spec.default;
  return out;
}

/** `params` with missing keys filled from the defaults (unknown keys kept as they are). */
export function withDefaults(def: Pick<LayerDef, 'params'>, params: Params): Params {
  return { ...defaultParams(def), ...params };
}

/** Every invalid parameter of a block as an error issue (code 'invalid-param'), for `check`. */
export function paramIssues(specs: readonly ParamSpec[], params: Params): LayerIssue[] {
  const issues: LayerIssue[] = [];
  for (const spec of specs) {
    const value = params[spec.name];
    if (value === undefined) continue; // missing means default
    const problem = validateParam(spec, value);
    if (problem !== null) {
      issues.push({
        code: 'invalid-param',
        severity: 'error',
        param: spec.name,
        message: `has ${spec.name} = ${previewJson(value, 60)}, which ${problem}; change it in the inspector`,
      });
    }
  }
  return issues;
}
