import type { JsonValue } from '../../../shared/json';
import type { ParamSpec } from '../../../shared/layers/types';

/**
 * Text <-> value for the inspector's text-typed fields (numbers, tuples, shapes, axes, padding).
 * Parsing only checks the form ("3, 3" is a pair of ints); ranges are validateParam's job.
 */
export type Parsed = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

const intPattern = /^[-+]?\d+$/;

function parseInt(text: string): number | null {
  const t = text.trim();
  return intPattern.test(t) ? Number(t) : null;
}

/** "3, 3", "(3, 3)", "3x3", "3×3" -> ["3", "3"]; tolerant of how people type tuples. */
function splitList(text: string): string[] {
  return text.replace(/[()[\]]/g, ' ').split(/[\s,×x*]+/).filter((p) => p !== '');
}

function parseInts(text: string, allowNone: boolean): (number | null)[] | null {
  const out: (number | null)[] = [];
  for (const p of splitList(text)) {
    if (allowNone && /^none|null$/i.test(p)) { out.push(null); continue; }
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

export function parseParamText(spec: ParamSpec, text: string): Parsed {
  const t = text.trim();
  const nullable = 'nullable' in spec && spec.nullable === true;
  if (t === '' && nullable) return { ok: true, value: null };
  switch (spec.type) {
    case 'int': {
      const n = parseInt(t);
      return n === null ? { ok: false, message: 'Enter a whole number.' } : { ok: true, value: n };
    }
    case 'float': {
      const n = Number(t);
      return t === '' || !Number.isFinite(n) ? { ok: false, message: 'Enter a number.' } : { ok: true, value: n };
    }
    case 'string':
      return { ok: true, value: text };
    case 'tuple': {
      const parts = parseInts(t, false);
      if (parts === null || parts.length === 0) return { ok: false, message: `Enter ${spec.length} whole numbers, e.g. ${Array(spec.length).fill(3).join(', ')}.` };
      // One number means the same along every axis, as Keras accepts kernel_size=3.
      if (parts.length === 1) return { ok: true, value: Array(spec.length).fill(parts[0]) };
      if (parts.length !== spec.length) return { ok: false, message: `Enter ${spec.length} whole numbers (got ${parts.length}).` };
      return { ok: true, value: parts };
    }
    case 'ints': {
      const parts = parseInts(t, false);
      return parts === null || parts.length === 0 ? { ok: false, message: 'Enter whole numbers separated by commas, e.g. 7, 7, 64.' } : { ok: true, value: parts };
    }
    case 'shape': {
      const parts = parseInts(t, true);
      return parts === null || parts.length === 0 ? { ok: false, message: 'Enter the input shape without the batch size, e.g. 28, 28, 1.' } : { ok: true, value: parts };
    }
    case 'axis': {
      const parts = parseInts(t, false);
      if (parts === null || parts.length === 0) return { ok: false, message: 'Enter an axis, e.g. -1.' };
      return { ok: true, value: parts.length === 1 ? parts[0] ?? -1 : parts };
    }
    case 'padding2d': {
      const parts = parseInts(t, false);
      if (parts === null) return { ok: false, message: 'Enter 1, 2 or 4 whole numbers: all sides, (rows, cols) or (top, bottom, left, right).' };
      const [a, b, c, d] = parts;
      if (parts.length === 1 && a != null) return { ok: true, value: [[a, a], [a, a]] };
      if (parts.length === 2 && a != null && b != null) return { ok: true, value: [[a, a], [b, b]] };
      if (parts.length === 4 && a != null && b != null && c != null && d != null) return { ok: true, value: [[a, b], [c, d]] };
      return { ok: false, message: 'Enter 1, 2 or 4 whole numbers: all sides, (rows, cols) or (top, bottom, left, right).' };
    }
    default:
      return { ok: false, message: 'This parameter is edited with its own control.' };
  }
}
