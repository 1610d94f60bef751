import * as tf from '@tensorflow/tfjs-core';
import { type Result } from '../../../shared/api/result';
import type { SampleRef } from '../../../shared/api/inspect';
import { probeFor } from './activations';
import { inputShapeOf, type InspectContext } from './context';
import { prepareSample } from './samples';

export interface LayerOutput {
  readonly layer: string;
  readonly className: string;
  /** [1, …] — the batch of one and the layer's own output dimensions. */
  readonly shape: readonly number[];
  /** Row-major, the tensor's own layout (channels last). */
  readonly values: Float32Array;
}

/**
 * The exact tensor a layer outputs for one sample, scaled as `predict` scales it — the values the
 * app draws as feature maps (activations() splits the same tensor into per-channel maps).
 */
export async function layerOutput(ctx: InspectContext, layer: string, sample: SampleRef): Promise<Result<LayerOutput>> {
  const probe = probeFor(ctx.model, layer);
  if (!probe.ok) return probe;
  const prepared = await prepareSample(ctx, sample);
  if (!prepared.ok) return prepared;
  return layerOutputFor(ctx, layer, prepared.value.x);
}

/** The same for an already prepared input (one sample in the Input's layout). */
export async function layerOutputFor(ctx: InspectContext, layer: string, x: Float32Array): Promise<Result<LayerOutput>> {
  const probe = probeFor(ctx.model, layer);
  if (!probe.ok) return probe;
  const out = tf.tidy(() => {
    const input = tf.tensor(x, [1, ...inputShapeOf(ctx.model)], 'float32');
    const y = probe.value.predict(input);
    return Array.isArray(y) ? (y[0] ?? tf.zeros([1])) : y;
  });
  const values = Float32Array.from(await out.data());
  const shape = [...out.shape];
  out.dispose();
  return { ok: true, value: { layer, className: ctx.model.getLayer(layer).getClassName(), shape, values } };
}
