/** Plain JSON data: what crosses files, processes and the wire. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `table[key]` for a key that came from a file: only the table's own entries, never
 * `constructor`, `__proto__` or `toString` inherited from Object.prototype.
 */
export function own<T>(table: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** True when a value holds NaN or ±Infinity anywhere (which JSON cannot write); walked iteratively. */
export function hasNonFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
    if (Array.isArray(v)) stack.push(...v);
    else if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
  }
  return false;
}

/** Nesting Blockprop accepts in a file; real Keras configs and projects stay under ~15 levels. */
export const MAX_JSON_DEPTH = 100;

/**
 * How deeply `value` nests, walked with an explicit stack (a recursive walk is what a file
 * nested 100,000 levels deep is made to overflow). Stops counting once past `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const [v, depth] = entry;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The sentence for a file nested beyond MAX_JSON_DEPTH, or null when it is not. */
export function depthProblem(value: unknown): string | null {
  return jsonDepth(value) > MAX_JSON_DEPTH
    ? `it nests more than ${MAX_JSON_DEPTH} levels deep, which no model or project file does; it is damaged or not a model file`
    : null;
}

/**
 * A short JSON rendering of a value for messages: at most `max` characters (then an ellipsis),
 * built iteratively so that neither size nor depth can make a message expensive.
 */
export function previewJson(value: unknown, max = 80): string {
  let out = '';
  // A stack of pending pieces: values to render, or literal text.
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  while (stack.length > 0 && out.length <= max) {
    const item = stack.pop();
    if (item === undefined) break;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const v = item.value;
    if (Array.isArray(v)) {
      const parts: ({ text: string } | { value: unknown })[] = [{ text: '[' }];
      v.forEach((c, i) => parts.push(...(i > 0 ? [{ text: ',' }] : []), { value: c }));
      parts.push({ text: ']' });
      for (let i = parts.length - 1; i >= 0; i--) {
        const part = parts[i];
        if (part !== undefined) stack.push(part);
      }
    } else if (typeof v === 'object' && v !== null) {
      const parts: ({ text: string } | { value: unknown })[] = [{ text: '{' }];
      Object.entries(v).forEach(([k, c], i) => parts.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` }, { value: c }));
      parts.push({ text: '}' });
      for (let i = parts.length - 1; i >= 0; i--) {
        const part = parts[i];
        if (part !== undefined) stack.push(part);
      }
    } else if (typeof v === 'number') {
      out += String(v);
    } else {
      out += JSON.stringify(v) ?? 'null';
    }
  }
  return out.length > max || stack.length > 0 ? `${out.slice(0, max)}…` : out;
}
