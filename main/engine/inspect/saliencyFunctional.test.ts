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

describe('saliency and Grad-CAM on functional models (weights=None)', () => {
  it('ResNet50: a 224×224 saliency map and a 7×7 Grad-CAM on the last convolution', async () => {
    const graph = getTemplate('resnet50')?.build();
    if (graph === undefined) throw new Error('template');
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.error.message);
    const data = Array.from({ length: 224 * 224 * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
    const r = await saliency(
      { model: built.value, heldOut: null, classNames: [], graph },
      { sample: { kind: 'pixels', width: 224, height: 224, channels: 3, data } },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.probabilities).toHaveLength(1000);
    expect(r.value.saliency.width).toBe(224);
    expect(r.value.saliency.data.some((v) => v > 0)).toBe(true);
    expect(r.value.gradCamLayer).toBe('conv5_block3_3_conv');
    expect([r.value.gradCam?.width, r.value.gradCam?.height]).toEqual([7, 7]);
    expect(tf.memory().numTensors).toBeLessThan(2000);
  }, 300_000);

  it('InceptionV3 (BatchNormalization scale=False throughout): a 299×299 saliency map and an 8×8 Grad-CAM', async () => {
    // The loader stands a constant γ = 1 in for the missing one (export/batchNormConstants.ts); without it tfjs's tape fails.
    const graph = getTemplate('inception_v3')?.build();
    if (graph === undefined) throw new Error('template');
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.error.message);
    const data = Array.from({ length: 299 * 299 * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
    const r = await saliency(
      { model: built.value, heldOut: null, classNames: [], graph },
      { sample: { kind: 'pixels', width: 299, height: 299, channels: 3, data } },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.saliency.width).toBe(299);
    expect(r.value.saliency.data.some((v) => v > 0)).toBe(true);
    expect(r.value.gradCamLayer).toBe('conv2d_93');
    expect([r.value.gradCam?.width, r.value.gradCam?.height]).toEqual([8, 8]);
  }, 300_000);
});
