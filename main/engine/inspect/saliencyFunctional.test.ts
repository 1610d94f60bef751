import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { startBackend } from '../backend';
import { tfjsModelFromGraph } from '../export/load';
import { saliency } from './saliency';

/** Saliency and Grad-CAM through Keras Applications functional models (skip connections), on wasm. */

beforeAll(async () => {
  const started = await startBackend('wasm');
  if (!started.ok) throw new Error(started.message);
}, 120_000);

describe('saliency and Grad-CAM on functional models (weights=None)', () => {
  it('ResNet50: a 224×224 saliency map and a 7×7 Grad-CAM on the last convolution', async () => {
    const graph = getTemplate('resnet50')?.build();
    if (graph === undefined) throw new Error('template');
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.message);
    const data = Array.from({ length: 224 * 224 * 3 }, (_, i) => ((i * 2654435761) % 1000) / 1000);
    const r = await saliency({ model: built.model, heldOut: null, classNames: [], graph }, { sample: { kind: 'pixels', width: 224, height: 224, channels: 3, data } });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.probabilities).toHaveLength(1000);
    expect(r.value.saliency.width).toBe(224);
    expect(r.value.saliency.data.some((v) => v > 0)).toBe(true);
    expect(r.value.gradCamLayer).toBe('conv5_block3_3_conv');
    expect([r.value.gradCam?.width, r.value.gradCam?.height]).toEqual([7, 7]);
    expect(tf.memory().numTensors).toBeLessThan(2000);
  }, 300_000);

  it('InceptionV3: says why there are no gradients (tfjs cannot differentiate BatchNormalization with scale=False)', async () => {
    // tfjs's tape saves the missing γ ('reading dataId' in saveTensorsForBackwardMode), cpu and wasm alike.
    const graph = getTemplate('inception_v3')?.build();
    if (graph === undefined) throw new Error('template');
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.message);
    const data = new Array<number>(299 * 299 * 3).fill(0.5);
    const r = await saliency({ model: built.model, heldOut: null, classNames: [], graph }, { sample: { kind: 'pixels', width: 299, height: 299, channels: 3, data } });
    expect(r.ok ? '' : r.message).toContain("BatchNormalization 'batch_normalization'");
  }, 300_000);
});
