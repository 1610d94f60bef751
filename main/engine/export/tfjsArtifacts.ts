import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';

export const TFJS_WEIGHTS_FILE = 'weights.bin';

/** TF.js's own artefacts for the model: model.json (topology + weights manifest) and one weights shard. */
export async function tfjsArtifacts(model: LayersModel): Promise<{ modelJson: string; weights: Uint8Array }> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts: tf.io.ModelArtifacts | null = saved;
  if (artifacts === null) throw new Error('tfjs did not hand over the model artefacts');
  const { modelTopology, weightSpecs, weightData, format, generatedBy, convertedBy } = artifacts;
  const data = weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(weightData);
  const json = {
    format: format ?? 'layers-model',
    generatedBy: generatedBy ?? 'TensorFlow.js tfjs-layers',
    convertedBy: convertedBy ?? null,
    modelTopology,
    weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: weightSpecs ?? [] }],
  };
  return { modelJson: JSON.stringify(json), weights: new Uint8Array(data) };
}

/** Enough of a TF.js model.json to hand to tfjs (which checks the rest itself). */
function isModelJson(v: unknown): v is tf.io.ModelJSON {
  if (typeof v !== 'object' || v === null) return false;
  const topology: unknown = Reflect.get(v, 'modelTopology');
  const manifest: unknown = Reflect.get(v, 'weightsManifest');
  return typeof topology === 'object' && topology !== null && (manifest === undefined || Array.isArray(manifest));
}

/** Loads a TF.js model.json and its weight shards from disk (no tfjs-node file handler needed). */
export async function loadTfjsModel(modelJsonPath: string, parsed: unknown): Promise<{ ok: true; model: LayersModel } | { ok: false; message: string }> {
  if (!isModelJson(parsed)) {
    return { ok: false, message: `${modelJsonPath} is not a TF.js model.json (no modelTopology)` };
  }
  const dir = path.dirname(modelJsonPath);
  try {
    const artifacts = await tf.io.getModelArtifactsForJSON(parsed, async (manifest) => {
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: ArrayBuffer[] = [];
      for (const group of manifest) {
        for (const p of group.paths) {
          const b = await readFile(path.join(dir, p));
          buffers.push(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
        }
        specs.push(...group.weights);
      }
      return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
    });
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    return { ok: true, model };
  } catch (e) {
    return { ok: false, message: `${modelJsonPath} could not be loaded by TensorFlow.js: ${e instanceof Error ? e.message : String(e)}` };
  }
}
