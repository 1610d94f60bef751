import type { JsonValue } from '../json';
import { isJsonObject } from '../json';
import { pythonFloat } from '../keras/jsonString';

/** A JSON value as a Python literal: None/True/False, tuples for lists, repr-style floats. */
export function pyValue(value: JsonValue, opts: { float?: boolean } = {}): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return opts.float ? pyFloat(value) : pythonFloat(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    const items = value.map((v: JsonValue) => pyValue(v, opts));
    return items.length === 1 ? `(${items[0] ?? ''},)` : `(${items.join(', ')})`;
  }
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyString(k)}: ${pyValue(v, opts)}`)
      .join(', ')}}`;
  }
  return 'None';
}

/** Always a float literal (0 -> 0.0), so Keras sees the type its config holds. */
export function pyFloat(x: number): string {
  const text = pythonFloat(x);
  return /[.eEn]/.test(text) ? text : `${text}.0`;
}

/**
 * A Python string literal for any text: the one way user text (names, paths, dataset names)
 * reaches a generated script. JSON's escaping is valid Python (\\ \" \n \uXXXX) and leaves no
 * raw newline, so the text can never end the literal; DEL, C1 controls and the Unicode line and
 * paragraph separators are escaped too, so the script reads the same in every editor.
 */
export function pyString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text safe inside a `#` comment: one line, escaped as a string literal's content. */
export function pyCommentText(s: string): string {
  return pyString(s).slice(1, -1);
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True for a name Python accepts as a bare identifier (attribute or keyword argument). */
export function isPyIdentifier(name: string): boolean {
  return identifierPattern.test(name) && !pythonKeywords.has(name);
}

/** `name=value`, or `**{"odd key": value}` where the key is not a Python identifier. */
export function pyKwarg(name: string, value: string): string {
  return isPyIdentifier(name) ? `${name}=${value}` : `**{${pyString(name)}: ${value}}`;
}

const pythonKeywords = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** Names a layer variable must not take: the keywords, and the names the generated script itself binds. */
const reservedNames = new Set([...pythonKeywords, 'keras', 'layers', 'model', 'np', 'tf', 'strategy']);

/** A Python variable name for a layer name, unique among `taken` (which it extends). */
export function pyIdentifier(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (base === '' || /^[0-9]/.test(base)) base = `layer_${base}`;
  if (reservedNames.has(base)) base = `${base}_`;
  let id = base;
  for (let i = 1; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}
