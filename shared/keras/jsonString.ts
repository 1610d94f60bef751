import type { JsonValue } from '../json';
import { isJsonObject } from '../json';

/**
 * JSON text as Python's `json.dumps` writes it (what `model.to_json()` returns): one line,
 * ", " and ": " separators, non-ASCII escaped, floats in Python's repr (1e-05, not 0.00001).
 * Integral numbers print as integers: after parsing, JSON cannot tell 1.0 from 1.
 */
export function toKerasJsonString(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonFloat(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => toKerasJsonString(v)).join(', ')}]`;
  if (isJsonObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${toKerasJsonString(v)}`);
    return `{${parts.join(', ')}}`;
  }
  return 'null';
}

/** Python's float repr: fixed notation for 1e-4 <= |x| < 1e16, otherwise d.ddde±XX. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const sign = x < 0 ? '-' : '';
  // Shortest round-trip digits and decimal exponent, as both JS and Python compute them.
  const [mant = '0', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const m = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
}

function pythonString(s: string): string {
  // JSON.stringify escapes quotes, backslashes and control characters; Python also escapes non-ASCII.
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
