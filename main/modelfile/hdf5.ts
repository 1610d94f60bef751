import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import type { H5Attr, H5DatasetInfo, H5GroupInfo } from '../../shared/modelfile/h5layout';
import { h5wasm, type H5 } from './h5wasm';

/** Bounds on walking a file's structure: a crafted file must not make us list millions of objects. */
const MAX_OBJECTS = 100_000;
const MAX_DEPTH = 24;
/** Attributes are names and configs; anything with more elements than this is not Keras's. */
const MAX_ATTR_ELEMENTS = 1_000_000;

export interface OpenH5 {
  readonly root: H5GroupInfo;
  /**
   * Reads a float dataset as float32, charging its element count to the caller's budget first:
   * nothing larger than the budget is ever decompressed.
   */
  read(dataset: H5DatasetInfo, budget: { left: number }): Outcome<Float32Array>;
}

function attrValue(h5: H5, value: unknown): H5Attr {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    if (value.every((v): v is string => typeof v === 'string')) return value;
    if (value.every((v): v is number => typeof v === 'number')) return value;
    return null;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof h5.Reference)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) return Array.from(value, Number);
    return Array.from(value as unknown as ArrayLike<number>);
  }
  return null;
}

function elements(shape: readonly number[] | null): number {
  return (shape ?? []).reduce((a, b) => a * b, 1);
}

/**
 * Opens HDF5 bytes (a scratch copy: h5wasm works on files), lists groups, datasets and their
 * attributes, and runs `fn` while the file is open. Reading data goes through `read`.
 */
export async function withH5<T>(bytes: Uint8Array, fn: (file: OpenH5) => Promise<Outcome<T>> | Outcome<T>): Promise<Outcome<T>> {
  const h5 = await h5wasm();
  const dir = await mkdtemp(path.join(tmpdir(), 'blockprop-h5-'));
  try {
    const scratch = path.join(dir, 'file.h5');
    await writeFile(scratch, bytes);
    let f: InstanceType<H5['File']>;
    try {
      f = new h5.File(scratch, 'r');
    } catch (e) {
      return failure(`it is not a readable HDF5 file (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      const listed = list(h5, f);
      if (!listed.ok) return listed;
      const handles = listed.value.handles;
      const read: OpenH5['read'] = (info, budget) => {
        const ds = handles.get(info.path);
        if (ds === undefined) return failure(`${info.path} is not a dataset`);
        const n = elements(info.shape);
        if (n > budget.left) return failure(`${info.path} holds ${n} values, more than the model's parameter count allows`);
        budget.left -= n;
        if (!/^[<>=|]?[fd]$/.test(info.dtype)) return failure(`${info.path} is not float data (dtype ${info.dtype})`);
        const value: unknown = ds.value;
        if (value instanceof Float32Array) return success(value);
        if (value instanceof Float64Array) return success(Float32Array.from(value));
        if (typeof value === 'number' && n === 1) return success(Float32Array.of(value));
        return failure(`${info.path} could not be read as float data`);
      };
      return await fn({ root: listed.value.root, read });
    } catch (e) {
      return failure(`the HDF5 file could not be read (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      f.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Listing {
  root: H5GroupInfo;
  handles: Map<string, InstanceType<H5['Dataset']>>;
}

type MutableGroup = { kind: 'group'; path: string; attrs: Map<string, H5Attr>; children: Map<string, H5GroupInfo | H5DatasetInfo> };

function attrsOf(h5: H5, entity: InstanceType<H5['Group']> | InstanceType<H5['Dataset']>): Map<string, H5Attr> {
  const out = new Map<string, H5Attr>();
  for (const [name, attr] of Object.entries(entity.attrs)) {
    if (elements(attr.shape) > MAX_ATTR_ELEMENTS) continue;
    out.set(name, attrValue(h5, attr.value));
  }
  return out;
}

/** Breadth-first, iteratively, with an object and depth bound. */
function list(h5: H5, f: InstanceType<H5['File']>): Outcome<Listing> {
  const root: MutableGroup = { kind: 'group', path: '/', attrs: attrsOf(h5, f), children: new Map() };
  const handles = new Map<string, InstanceType<H5['Dataset']>>();
  const queue: { group: InstanceType<H5['Group']>; info: MutableGroup; depth: number }[] = [{ group: f, info: root, depth: 0 }];
  let count = 0;
  for (let q = 0; q < queue.length; q++) {
    const item = queue[q];
    if (item === undefined) break;
    for (const key of item.group.keys()) {
      if (++count > MAX_OBJECTS) return failure(`the HDF5 file has more than ${MAX_OBJECTS} objects; no Keras model file is that large`);
      const child = item.group.get(key);
      const childPath = item.info.path === '/' ? `/${key}` : `${item.info.path}/${key}`;
      if (child instanceof h5.Group) {
        if (item.depth + 1 > MAX_DEPTH) continue;
        const info: MutableGroup = { kind: 'group', path: childPath, attrs: attrsOf(h5, child), children: new Map() };
        item.info.children.set(key, info);
        queue.push({ group: child, info, depth: item.depth + 1 });
      } else if (child instanceof h5.Dataset) {
        const dtype = typeof child.dtype === 'string' ? child.dtype : 'compound';
        item.info.children.set(key, { kind: 'dataset', path: childPath, shape: (child.shape ?? []).map(Number), dtype });
        handles.set(childPath, child);
      }
    }
  }
  return success({ root, handles });
}
