import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';
import { tfjsModelFromGraph } from '../export/load';
import type { InspectContext } from './context';
import { saliency, scoreWithOffset } from './saliency';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function template(id: string): Graph {
  const g = getTemplate(id)?.build();
  if (g === undefined) throw new Error(id);
  return g;
}

async function ctxOf(graph: Graph): Promise<InspectContext> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  return { model: built.value, heldOut: null, classNames: [], graph };
}

function digit(): { kind: 'pixels'; width: number; height: number; channels: 1; data: number[] } {
  // A ring with noise: no two pixels equal, so max pooling has no ties (where the score has no
  // derivative and finite differences disagree with any gradient).
  let s = 12345;
  const noise = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const data = Array.from({ length: 784 }, (_, i) => {
    const y = Math.floor(i / 28) - 14;
    const x = (i % 28) - 14;
    const r = Math.hypot(y, x);
    return (r > 5 && r < 9 ? 0.7 : 0.05) + 0.25 * noise();
  });
  return { kind: 'pixels', width: 28, height: 28, channels: 1, data };
}

/**
 * One-sided finite differences of the class score along one coordinate of `base` (x or δ). Where a
 * ReLU or max pooling switches inside ±h the two differ, and the true derivative lies between them.
 */
function differences(f: (t: tf.Tensor) => tf.Scalar, base: tf.Tensor, index: number, h: number): [number, number, number] {
  const n = base.size;
  const e = tf.tensor(
    Array.from({ length: n }, (_, i) => (i === index ? h : 0)),
    base.shape,
  );
  const mid = f(base).dataSync()[0] ?? 0;
  const up = f(tf.add(base, e)).dataSync()[0] ?? 0;
  const down = f(tf.sub(base, e)).dataSync()[0] ?? 0;
  return [(mid - down) / h, (up - mid) / h, mid];
}

function expectBetween(value: number, [left, right]: [number, number], score = 1, h = 1e-3): void {
  // float32 forward passes: each score carries rounding noise of a few ulps of its own size
  // (float32's epsilon is 1.2e-7), so a difference over h carries ~4 · 1.2e-7 · |score| / h.
  const tol = 0.05 * Math.abs(value) + (4 * 1.2e-7 * Math.max(1, Math.abs(score))) / h;
  expect(value).toBeGreaterThanOrEqual(Math.min(left, right) - tol);
  expect(value).toBeLessThanOrEqual(Math.max(left, right) + tol);
}

describe('saliency and Grad-CAM', () => {
  it.each(['keras_cnn', 'residual_block'])('the saliency map equals finite differences of the class score (%s)', async (id) => {
    const ctx = await ctxOf(template(id));
    const sample = digit();
    const r = await saliency(ctx, { sample, classIndex: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.saliency.width).toBe(28);
    const x = tf.tensor(sample.data, [1, 28, 28, 1]);
    // The three most salient pixels and one in the ring.
    const order = r.value.saliency.data
      .map((v, i) => [v, i] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, i]) => i);
    for (const i of [...order.slice(0, 3), 14 * 28 + 7]) {
      const [left, right, score] = differences((t) => scoreWithOffset(ctx.model, null, t, 3, null), x, i, 1e-3);
      // The map holds |gradient|; compare the magnitudes.
      const g = r.value.saliency.data[i] ?? 0;
      const sign = Math.sign(left + right) || 1;
      expectBetween(g, [sign * left, sign * right], score);
    }
  });

  it('Grad-CAM weighs the last convolution by finite-difference gradients (keras_cnn, residual_block)', async () => {
    // keras_cnn's last conv (ReLU inside) feeds a max pooling: its zero maps tie in the windows,
    // where the score has no derivative, so its first conv is checked there; residual_block's default.
    for (const [id, pick, expected] of [
      ['keras_cnn', 'conv2d', 'conv2d'],
      ['residual_block', undefined, 'conv2d_2'],
    ] as const) {
      const ctx = await ctxOf(template(id));
      const sample = digit();
      const r = await saliency(ctx, { sample, ...(pick === undefined ? {} : { layer: pick }) });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.gradCamLayer).toBe(expected);
      const byDefault = await saliency(ctx, { sample });
      expect(byDefault.ok && byDefault.value.gradCamLayer).toBe(id === 'keras_cnn' ? 'conv2d_1' : 'conv2d_2');
      const layer = r.value.gradCamLayer ?? '';
      expect(r.value.camLayers).toContain(layer);
      const cam = r.value.gradCam;
      if (cam === null) throw new Error('no cam');
      expect(cam.data.every((v) => v >= 0)).toBe(true);
      // Recompute Grad-CAM from finite differences of the score along the layer's output.
      const x = tf.tensor(sample.data, [1, 28, 28, 1]);
      const out = ctx.model.getLayer(layer).output;
      if (Array.isArray(out)) throw new Error('several outputs');
      const [, h = 1, w = 1, k = 1] = out.shape.map((d) => d ?? 1);
      const zeros = tf.zeros([1, h, w, k]);
      const f = (d: tf.Tensor) => scoreWithOffset(ctx.model, layer, x, r.value.classIndex, d);
      // Gradient of the score by δ on a few (position, channel) pairs: its mean per channel is α.
      const g = tf.grad(f)(zeros).dataSync();
      for (const idx of [0, (h * w * k) >> 1, h * w * k - 1, ((h >> 1) * w + (w >> 1)) * k + 1]) {
        const [left, right, score] = differences(f, zeros, idx, 1e-3);
        expectBetween(g[idx] ?? 0, [left, right], score);
      }
    }
  });

  it('names the class it explains and refuses one the model does not have', async () => {
    const ctx = await ctxOf(template('keras_cnn'));
    const r = await saliency(ctx, { sample: digit(), classIndex: 12 });
    expect(r.ok ? '' : r.error.message).toContain('10 classes');
  });
});
