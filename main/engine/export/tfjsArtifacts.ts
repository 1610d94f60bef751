import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

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
