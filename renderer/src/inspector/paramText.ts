import { failure, success, type Outcome } from '../../../shared/api/outcome';
import type { JsonValue } from '../../../shared/json';
import type { ParamSpec } from '../../../shared/layers/types';

/**
 * Text <-> value for the inspector's text-typed fields (numbers, tuples, shapes, axes, padding).
 * Parsing only checks the form ("3, 3" is a pair of ints); ranges are validateParam's job.
 */
const intPattern = /^[-+]?\d+$/;

function parseInt(text: string): number | null {
  const t = text.trim();
  return intPattern.test(t) ? Number(t) : null;
}

/** "3, 3", "(3, 3)", "3x3", "3×3" -> ["3", "3"]; tolerant of how people type tuples. */
function splitList(text: string): string[] {
  return text
    .replace(/[()[\]]/g, ' ')
    .split(/[\s,×x*]+/)
    .filter((p) => p !== '');
}

function parseInts(text: string, allowNone: boolean): (number | null)[] | null {
  const out: (number | null)[] = [];
  for (const p of splitList(text)) {
    if (allowNone && /^none|null$/i.test(p)) {
      out.push(null);
      continue;
    }
    const n = parseInt(p);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

export function formatParamText(spec: ParamSpec, value: JsonValue): string {
  if (value === null) return spec.type === 'shape' ? '' : '';
  if (Array.isArray(value)) {
    const flat = value.flatMap((v: JsonValue) => (Array.isArray(v) ? v : [v]));
    return flat.map((v) => (v === null ? 'None' : String(v))).join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function parseParamText(spec: ParamSpec, text: string): Outcome<JsonValue> {
  const t = text.trim();
  const nullable = 'nullable' in spec && spec.nullable === true;
  if (t === '' && nullable) return success(null);
  switch (spec.type) {
    case 'int': {
      const n = parseInt(t);
      return n === null ? failure('Enter a whole number.') : success(n);
    }
    case 'float': {
      const n = Number(t);
      return t === '' || !Number.isFinite(n) ? failure('Enter a number.') : success(n);
    }
    case 'string':
      return success(text);
    case 'tuple': {
      const parts = parseInts(t, false);
      if (parts === null || parts.length === 0) return failure(`Enter ${spec.length} whole numbers, e.g. ${Array(spec.length).fill(3).join(', ')}.`);
      // One number means the same along every axis, as Keras accepts kernel_size=3.
      if (parts.length === 1) return success(Array(spec.length).fill(parts[0]));
      if (parts.length !== spec.length) return failure(`Enter ${spec.length} whole numbers (got ${parts.length}).`);
      return success(parts);
    }
    case 'ints': {
      const parts = parseInts(t, false);
      return parts === null || parts.length === 0 ? failure('Enter whole numbers separated by commas, e.g. 7, 7, 64.') : success(parts);
    }
    case 'shape': {
      const parts = parseInts(t, true);
      return parts === null || parts.length === 0 ? failure('Enter the input shape without the batch size, e.g. 28, 28, 1.') : success(parts);
    }
    case 'axis': {
      const parts = parseInts(t, false);
      if (parts === null || parts.length === 0) return failure('Enter an axis, e.g. -1.');
      return success(parts.length === 1 ? (parts[0] ?? -1) : parts);
    }
    case 'padding2d': {
      const parts = parseInts(t, false);
      if (parts === null) return failure('Enter 1, 2 or 4 whole numbers: all sides, (rows, cols) or (top, bottom, left, right).');
      const [a, b, c, d] = parts;
      if (parts.length === 1 && a != null)
        return success([
          [a, a],
          [a, a],
        ]);
      if (parts.length === 2 && a != null && b != null)
        return success([
          [a, a],
          [b, b],
        ]);
      if (parts.length === 4 && a != null && b != null && c != null && d != null)
        return success([
          [a, b],
          [c, d],
        ]);
      return failure('Enter 1, 2 or 4 whole numbers: all sides, (rows, cols) or (top, bottom, left, right).');
    }
    default:
      return failure('This parameter is edited with its own control.');
  }
}
