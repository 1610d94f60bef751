import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { startBackend } from '../backend';
import { tfjsModelFromGraph } from '../export/load';
import { saliency } from './saliency';

/** Saliency and Grad-CAM through Keras Applications functional models (skip connections), on wasm. */

beforeAll(async () => {
  const started = await startBackend('wasm');
  if (!started.ok) throw new Error(started.error.message);
}, 120_000);

/** Saliency and Grad-CAM for a template's model on a size×size×3 sample of fixed pseudo-random pixels. */
async function saliencyFor(templateId: string, size: number) {
  const graph = getTemplate(templateId)?.build();
  if (graph === undefined) throw new Error('template');
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  const data = Array.from({ length: size * size * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
  const r = await saliency(
    { model: built.value, heldOut: null, classNames: [], graph },
    { sample: { kind: 'pixels', width: size, height: size, channels: 3, data } },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('saliency and Grad-CAM on functional models (weights=None)', () => {
  it('ResNet50: a 224×224 saliency map and a 7×7 Grad-CAM on the last convolution', async () => {
    const r = await saliencyFor('resnet50', 224);
    expect(r.probabilities).toHaveLength(1000);
    expect(r.saliency.width).toBe(224);
    expect(r.saliency.data.some((v) => v > 0)).toBe(true);
    expect(r.gradCamLayer).toBe('conv5_block3_3_conv');
    expect([r.gradCam?.width, r.gradCam?.height]).toEqual([7, 7]);
    expect(tf.memory().numTensors).toBeLessThan(2000);
  }, 300_000);

  it('InceptionV3 (BatchNormalization scale=False throughout): a 299×299 saliency map and an 8×8 Grad-CAM', async () => {
    // The loader stands a constant γ = 1 in for the missing one (export/batchNormConstants.ts); without it tfjs's tape fails.
    const r = await saliencyFor('inception_v3', 299);
    expect(r.saliency.width).toBe(299);
    expect(r.saliency.data.some((v) => v > 0)).toBe(true);
    expect(r.gradCamLayer).toBe('conv2d_93');
    expect([r.gradCam?.width, r.gradCam?.height]).toEqual([8, 8]);
  }, 300_000);
});
