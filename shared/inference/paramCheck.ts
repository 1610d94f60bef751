import type { JsonValue } from '../json';
import type { ParamSpec } from '../layers/types';

/*
 * Checks one parameter value against its spec. Returns what is wrong as a phrase
 * ("filters must be a whole number of at least 1, not 0") or null when the value is fine.
 */

const isInt = (v: JsonValue): v is number => typeof v === 'number' && Number.isInteger(v);
const show = (v: JsonValue): string => JSON.stringify(v);
const isObject = (v: JsonValue): v is { readonly [k: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

function intList(v: JsonValue): readonly JsonValue[] | null {
  return Array.isArray(v) ? v : null;
}

export function paramProblem(spec: ParamSpec, value: JsonValue): string | null {
  const name = spec.name;
  switch (spec.type) {
    case 'int': {
      if (value === null) return spec.nullable ? null : `${name} needs a value`;
      if (!isInt(value)) return `${name} must be a whole number, not ${show(value)}`;
      if (spec.min !== undefined && value < spec.min) return `${name} must be at least ${spec.min}, not ${value}`;
      if (spec.max !== undefined && value > spec.max) return `${name} must be at most ${spec.max}, not ${value}`;
      return null;
    }
    case 'float': {
      if (value === null) return spec.nullable ? null : `${name} needs a value`;
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a number, not ${show(value)}`;
      if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min)) {
        return `${name} must be ${spec.exclusiveMin ? 'greater than' : 'at least'} ${spec.min}, not ${value}`;
      }
      if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max)) {
        return `${name} must be ${spec.exclusiveMax ? 'less than' : 'at most'} ${spec.max}, not ${value}`;
      }
      return null;
    }
    case 'bool':
      return typeof value === 'boolean' ? null : `${name} must be true or false, not ${show(value)}`;
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? null : `${name} must be one of ${spec.options.map((o) => `'${o}'`).join(', ')}, not ${show(value)}`;
    case 'string':
    case 'activation':
      if (value === null) return spec.type === 'string' && spec.nullable ? null : `${name} needs a value`;
      return typeof value === 'string' ? null : `${name} must be a name, not ${show(value)}`;
    case 'tuple': {
      if (value === null) return spec.nullable ? null : `${name} needs a value`;
      const list = intList(value);
      if (!list || list.length !== spec.length || !list.every(isInt)) return `${name} must be ${spec.length} whole numbers, not ${show(value)}`;
      const min = spec.min ?? 1;
      if (list.some((v) => typeof v === 'number' && v < min)) return `${name} must be at least ${min} in every dimension, not ${show(value)}`;
      return null;
    }
    case 'ints': {
      const list = intList(value);
      if (!list || !list.every(isInt)) return `${name} must be a list of whole numbers, not ${show(value)}`;
      const minusOnes = list.filter((v) => v === -1).length;
      if (minusOnes > (spec.allowMinusOne ? 1 : 0)) return `${name} may use -1 ${spec.allowMinusOne ? 'only once' : 'nowhere'}, not ${show(value)}`;
      const min = spec.min ?? 1;
      if (list.some((v) => typeof v === 'number' && v !== -1 && v < min)) return `${name} entries must be at least ${min}, not ${show(value)}`;
      return null;
    }
    case 'shape': {
      const list = intList(value);
      if (!list || list.length === 0 || !list.every((v) => v === null || (isInt(v) && v >= 1))) {
        return `${name} must list the size of each dimension (whole numbers of at least 1), not ${show(value)}`;
      }
      return null;
    }
    case 'axis':
      if (isInt(value)) return null;
      return intList(value)?.every(isInt) ? null : `${name} must be an axis number, not ${show(value)}`;
    case 'padding2d': {
      const ok = (v: JsonValue): boolean => isInt(v) ? v >= 0 : (intList(v)?.every((x) => isInt(x) && x >= 0) ?? false);
      return ok(value) ? null : `${name} must be whole numbers of at least 0, not ${show(value)}`;
    }
    case 'initializer':
      return typeof value === 'string' || (isObject(value) && typeof value['class_name'] === 'string') ? null : `${name} must be an initializer, not ${show(value)}`;
    case 'regularizer':
    case 'constraint':
      return value === null || typeof value === 'string' || (isObject(value) && typeof value['class_name'] === 'string') ? null : `${name} must be none or a ${spec.type}, not ${show(value)}`;
  }
}
