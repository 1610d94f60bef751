import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { failure, success, type Outcome } from '../../shared/api/outcome';
import { isJsonObject, type JsonValue } from '../../shared/json';
import { weightBytesLimit } from '../../shared/modelfile/limits';
import { variableBaseName, type LayerWeights, type WeightVar } from '../../shared/modelfile/types';
import { kerasOrder } from '../engine/export/kerasLayout';

interface Spec {
  readonly name: string;
  readonly shape: readonly number[];
}

function specsOf(weights: JsonValue | undefined, where: string): Outcome<Spec[]> {
  if (!Array.isArray(weights)) return failure(`${where} has no "weights" list`);
  const out: Spec[] = [];
  for (const w of weights) {
    if (!isJsonObject(w) || typeof w.name !== 'string' || !Array.isArray(w.shape)) return failure(`${where} has a weight entry without name and shape`);
    const shape = w.shape.map((d) => (typeof d === 'number' && Number.isSafeInteger(d) && d >= 0 ? d : -1));
    if (shape.includes(-1)) return failure(`weight '${w.name}' has a shape that is not a list of sizes`);
    const dtype = w.dtype ?? 'float32';
    if (dtype !== 'float32') return failure(`weight '${w.name}' is ${String(dtype)}; only float32 weights are supported`);
    if ('quantization' in w) return failure(`weight '${w.name}' is quantized; convert the model without quantization`);
    out.push({ name: w.name, shape });
  }
  return success(out);
}

/** A shard path must stay in the model.json's folder: no absolute paths, no '..'. */
function shardPath(dir: string, p: string): string | null {
  if (path.isAbsolute(p) || p.split(/[\\/]/).includes('..')) return null;
  return path.join(dir, p);
}

/**
 * Reads a TF.js model.json's weight shards (its `weightsManifest`), bounded: each group's shards
 * together must be exactly as large as its weights' shapes say (float32), and no more than the
 * model's parameter count allows. Weights come back per layer in Keras's variable order; null when
 * the model.json lists none.
 */
export async function readTfjsShards(
  modelJsonFile: string,
  manifest: JsonValue | undefined,
  params: number,
  layerCount: number,
): Promise<Outcome<readonly LayerWeights[] | null>> {
  if (manifest === undefined) return success(null);
  if (!Array.isArray(manifest)) return failure('"weightsManifest" is not a list');
  if (manifest.length === 0) return success(null);
  const dir = path.dirname(modelJsonFile);
  const limit = weightBytesLimit(params, layerCount);
  let total = 0;
  const byLayer = new Map<string, { name: string; v: WeightVar }[]>();
  for (const [g, group] of manifest.entries()) {
    const where = `weightsManifest[${g}]`;
    if (!isJsonObject(group) || !Array.isArray(group.paths) || !group.paths.every((p) => typeof p === 'string')) return failure(`${where} has no "paths" list`);
    const specified = specsOf(group.weights, where);
    if (!specified.ok) return specified;
    const specs = specified.value;
    const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * 4, 0);
    total += expected;
    if (total > limit) return failure(`the weights manifest declares more weight data than the model's ${params} parameters need`);
    const buffers: Buffer[] = [];
    let size = 0;
    for (const p of group.paths) {
      if (typeof p !== 'string') continue;
      const file = shardPath(dir, p);
      if (file === null) return failure(`weight shard path '${p}' leaves the model's folder`);
      try {
        size += (await stat(file)).size;
        if (size > expected) return failure(`weight shards of ${where} are larger than its weights (${expected} bytes); they belong to another model`);
        buffers.push(await readFile(file));
      } catch {
        return failure(`the weight shard '${p}' is missing next to ${path.basename(modelJsonFile)}`);
      }
    }
    if (size !== expected) return failure(`weight shards of ${where} hold ${size} bytes but its weights need ${expected}`);
    const all = Buffer.concat(buffers);
    let at = 0;
    for (const s of specs) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      const data = new Float32Array(n);
      new Uint8Array(data.buffer).set(all.subarray(at, at + n * 4));
      at += n * 4;
      const slash = s.name.lastIndexOf('/');
      const layer = slash < 0 ? s.name : (s.name.slice(0, slash).split('/').pop() ?? s.name);
      const list = byLayer.get(layer) ?? [];
      list.push({ name: s.name, v: { name: variableBaseName(s.name), shape: s.shape, data } });
      byLayer.set(layer, list);
    }
  }
  const weights: LayerWeights[] = [];
  for (const [layer, list] of byLayer) {
    const order = kerasOrder(list.map((x) => x.name));
    weights.push({ layer, vars: order.map((i) => list[i]?.v).filter((v): v is WeightVar => v !== undefined) });
  }
  return success(weights);
}
