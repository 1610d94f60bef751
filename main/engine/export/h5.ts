import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { h5wasm } from '../../modelfile/h5wasm';

/** One layer's entry in a Keras 3 weights file: `layers/<group>/vars/<i>`, the group's `name` attribute = layer name. */
export interface H5LayerEntry {
  /** The container path Keras's saving_lib derives from the class: 'conv2d', 'conv2d_1', 'dense'. */
  readonly group: string;
  readonly layerName: string;
  readonly vars: readonly { readonly shape: readonly number[]; readonly data: Float32Array }[];
}

export interface H5Weights {
  readonly modelName: string;
  readonly layers: readonly H5LayerEntry[];
}

/** Runs `fn` with a scratch path (h5wasm works on files) and removes it afterwards. */
async function withScratch<T>(fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'blockprop-h5-'));
  try {
    return await fn(path.join(dir, 'model.weights.h5'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the layout Keras 3's saving_lib (H5IOStore) writes for `model.save` / `save_weights`:
 * `/vars` (the model's own, empty) and `/layers/<group>/vars/<0..n-1>` float32 datasets, every
 * `vars` group carrying its object's `name`. Layers without weights still get their group.
 */
export async function weightsH5Bytes(weights: H5Weights): Promise<Uint8Array> {
  const h5 = await h5wasm();
  return withScratch(async (file) => {
    const f = new h5.File(file, 'w');
    try {
      const layers = f.create_group('layers');
      for (const layer of weights.layers) {
        const vars = layers.create_group(layer.group).create_group('vars');
        vars.create_attribute('name', layer.layerName);
        layer.vars.forEach((v, i) => {
          vars.create_dataset({ name: String(i), data: v.data, shape: [...v.shape], dtype: '<f' });
        });
      }
      f.create_group('vars').create_attribute('name', weights.modelName);
    } finally {
      f.close();
    }
    return new Uint8Array(await readFile(file));
  });
}

/** Reads a Keras 3 weights file (ours or one Keras wrote) back into entries, vars in index order. */
export async function readWeightsH5(bytes: Uint8Array): Promise<Outcome<H5Weights>> {
  const h5 = await h5wasm();
  return withScratch(async (file): Promise<Outcome<H5Weights>> => {
    await writeFile(file, bytes);
    let f;
    try {
      f = new h5.File(file, 'r');
    } catch (e) {
      return failure(`not an HDF5 weights file (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      const nameOf = (group: unknown): string => {
        if (!(group instanceof h5.Group)) return '';
        const attr = group.attrs['name'];
        const v: unknown = attr?.value;
        return typeof v === 'string' ? v : '';
      };
      const layersGroup = f.get('layers');
      if (!(layersGroup instanceof h5.Group)) return failure("the weights file has no 'layers' group (not written by Keras 3)");
      const layers: H5LayerEntry[] = [];
      for (const group of layersGroup.keys()) {
        const vars = f.get(`layers/${group}/vars`);
        if (!(vars instanceof h5.Group)) continue;
        const keys = vars
          .keys()
          .filter((k) => /^\d+$/.test(k))
          .sort((a, b) => Number(a) - Number(b));
        const list: { shape: number[]; data: Float32Array }[] = [];
        for (const key of keys) {
          const ds = vars.get(key);
          if (!(ds instanceof h5.Dataset)) continue;
          const value: unknown = ds.value;
          const data = value instanceof Float32Array ? value : value instanceof Float64Array ? Float32Array.from(value) : null;
          if (data === null) return failure(`layers/${group}/vars/${key} is not float data`);
          list.push({ shape: (ds.shape ?? []).map(Number), data });
        }
        layers.push({ group, layerName: nameOf(vars), vars: list });
      }
      return success({ modelName: nameOf(f.get('vars')), layers });
    } finally {
      f.close();
    }
  });
}
