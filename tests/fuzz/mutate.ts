/**
 * Seeded mutations of model files: what an attacker or a careless user hands Blockprop. Each
 * mutant is the text of one file; the same seed always gives the same files.
 */

import { seededRandom } from '../../shared/random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const hostileNumbers = ['1e309', '-1e309', '1.8e308', '-1e308', '1e-300', '3.7', '-1', '0', '1e20', '9007199254740993', '-0', '2.5'];
const hostileStrings = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '\u001b[2J\u001b]0;pwned\u0007',
  'a"""b\'\'\'c\\d\ne',
  '\u0000nul',
  '\u202eevil',
  '名前',
  '😀'.repeat(3),
  'x'.repeat(5000),
];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'class_name', 'config', 'name', 'layers', 'inbound_nodes'];

function pick<T>(r: () => number, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('empty choice');
  return item;
}

function toJson(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return null;
}

/** Every path to a value in the JSON, so a mutation can land anywhere. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = [], limit = 20_000): (string | number)[][] {
  const stack: [Json, (string | number)[]][] = [[value, prefix]];
  while (stack.length > 0 && out.length < limit) {
    const entry = stack.pop();
    if (!entry) break;
    const [v, p] = entry;
    out.push(p);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push([c, [...p, i]]));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push([c, [...p, k]]);
  }
  return out;
}

function getAt(root: Json, p: readonly (string | number)[]): Json | undefined {
  let v: Json | undefined = root;
  for (const k of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(k)] : v[String(k)];
  }
  return v;
}

function setAt(root: Json, p: readonly (string | number)[], value: Json): Json {
  if (p.length === 0) return value;
  const parent = getAt(root, p.slice(0, -1));
  const key = p[p.length - 1];
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (parent !== null && typeof parent === 'object' && key !== undefined) parent[String(key)] = value;
  return root;
}

/** A marker replaced in the serialised text: lets numbers JSON.stringify cannot write (1e309) reach the file. */
const RAW = '\u0000RAW:';

const mutators: readonly ((r: () => number, root: Json) => Json)[] = [
  // a number Keras would refuse, or one that does not survive JSON
  (r, root) => {
    const numeric = paths(root).filter((p) => typeof getAt(root, p) === 'number');
    return numeric.length === 0 ? root : setAt(root, pick(r, numeric), `${RAW}${pick(r, hostileNumbers)}`);
  },
  // a type swap
  (r, root) => {
    const p = pick(r, paths(root));
    const swaps: readonly Json[] = [null, true, 'x', 7, [], {}, [1, 2, 3], { class_name: 'Dense' }];
    return setAt(root, p, pick(r, swaps));
  },
  // a hostile string (class names, layer names, initializer names…)
  (r, root) => {
    const strings = paths(root).filter((p) => typeof getAt(root, p) === 'string');
    return strings.length === 0 ? root : setAt(root, pick(r, strings), pick(r, hostileStrings));
  },
  // a prototype key added to an object
  (r, root) => {
    const objects = paths(root).filter((p) => {
      const v = getAt(root, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (objects.length === 0) return root;
    const target = getAt(root, pick(r, objects));
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, pick(r, hostileKeys), {
        value: pick(r, [{ polluted: true }, 'x', 1, null]),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return root;
  },
  // a removed field
  (r, root) => {
    const p = pick(
      r,
      paths(root).filter((q) => q.length > 0),
    );
    const parent = getAt(root, p.slice(0, -1));
    const key = p[p.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (parent !== null && typeof parent === 'object' && key !== undefined) delete parent[String(key)];
    return root;
  },
  // deep nesting somewhere (written as text: building it as a value would need the recursion we test for)
  (r, root) => {
    const n = pick(r, [100, 5000, 100_000]);
    return setAt(root, pick(r, paths(root)), `${RAW}${'['.repeat(n)}1${']'.repeat(n)}`);
  },
  // a duplicated layer list entry (name clashes, cycles through inbound nodes)
  (r, root) => {
    const lists = paths(root).filter((p) => Array.isArray(getAt(root, p)) && p[p.length - 1] === 'layers');
    if (lists.length === 0) return root;
    const list = getAt(root, pick(r, lists));
    if (Array.isArray(list) && list.length > 0) list.splice(Math.floor(r() * list.length), 0, structuredClone(pick(r, list)));
    return root;
  },
];

/** Text-level mutations, applied to the serialised file. */
const textMutators: readonly ((r: () => number, text: string) => string)[] = [
  (r, text) => text.slice(0, Math.floor(r() * text.length)),
  (r, text) => {
    const at = Math.floor(r() * text.length);
    return text.slice(0, at) + pick(r, ['\u0000', '\u001b[31m', '\uFFFD', '}', ']', '"', ',', 'NaN', 'Infinity']) + text.slice(at);
  },
  () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR binary',
  () => 'root:x:0:0:root:/root:/bin/bash\n',
];

/** One mutant of `source` (a model or project file as JSON text). */
export function mutate(source: string, seed: number): string {
  const r = seededRandom(seed);
  if (r() < 0.12) return pick(r, textMutators)(r, source);
  let root = toJson(JSON.parse(source));
  const count = 1 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) root = pick(r, mutators)(r, root);
  return JSON.stringify(root).replace(/"\\u0000RAW:([^"]*)"/g, '$1');
}
