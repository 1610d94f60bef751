import * as tf from '@tensorflow/tfjs-core';
import { fail, type Result } from '../../../shared/api/result';
import { model as functionalModel, type LayersModel } from '@tensorflow/tfjs-layers';
import type { ActivationMap, ActivationsRequest, ActivationsResult } from '../../../shared/api/inspect';
import { inputShapeOf, round6, type InspectContext } from './context';
import { prepareSample } from './samples';

/** Sub-models `Model(inputs, layer.output)` per layer, kept per model: built once, reused as the learner draws. */
const probes = new WeakMap<LayersModel, Map<string, LayersModel>>();

export function probeFor(model: LayersModel, layerName: string): Result<LayersModel> {
  let cache = probes.get(model);
  if (!cache) {
    cache = new Map();
    probes.set(model, cache);
  }
  const hit = cache.get(layerName);
  if (hit) return { ok: true, value: hit };
  let layer;
  try {
    layer = model.getLayer(layerName);
  } catch {
    return fail('no-layer', `The model has no layer '${layerName}'.`);
  }
  let output;
  try {
    output = layer.output;
  } catch (e) {
    return fail('layer-output', `Layer '${layerName}' has no single output to show (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (Array.isArray(output)) return fail('layer-output', `Layer '${layerName}' has several outputs; pick one of the layers after it.`);
  const probe = functionalModel({ inputs: model.inputs, outputs: output });
  cache.set(layerName, probe);
  return { ok: true, value: probe };
}

function encode(values: Float32Array, min: number, max: number, encoding: 'u8' | 'f32'): string {
  if (encoding === 'f32') return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const q = new Uint8Array(values.length);
  const span = max - min;
  for (let i = 0; i < values.length; i++) q[i] = span > 0 ? Math.round((((values[i] ?? 0) - min) / span) * 255) : 0;
  return Buffer.from(q.buffer).toString('base64');
}

function range(values: Float32Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? [0, 0] : [min, max];
}

/**
 * A layer's output for one sample, like the chapter's `Model(inputs, layer.output)` grids: every
 * channel of an H×W×C output as its own map with its min and max; a flat output as one strip.
 */
export async function activations(ctx: InspectContext, req: ActivationsRequest): Promise<Result<ActivationsResult>> {
  const probe = probeFor(ctx.model, req.layer);
  if (!probe.ok) return probe;
  const sample = await prepareSample(ctx, req.sample);
  if (!sample.ok) return sample;
  const out = tf.tidy(() => {
    const input = tf.tensor(sample.value.x, [1, ...inputShapeOf(ctx.model)], 'float32');
    const y = probe.value.predict(input);
    return Array.isArray(y) ? (y[0] ?? tf.zeros([1])) : y;
  });
  const data = Float32Array.from(await out.data());
  const dims = out.shape.slice(1);
  out.dispose();
  const className = ctx.model.getLayer(req.layer).getClassName();
  const outShape = probe.value.outputs[0]?.shape ?? [null, ...dims];
  const base = { layer: req.layer, className, shape: [...outShape], encoding: req.encoding };
  if (dims.length <= 1) {
    const [min, max] = range(data);
    const map: ActivationMap = { channel: 0, min: round6(min), max: round6(max), width: data.length, height: 1, data: encode(data, min, max, req.encoding) };
    return { ok: true, value: { ...base, kind: 'vector', maps: [map], values: Array.from(data, round6) } };
  }
  const [height = 1, width = 1, channels = 1] = dims.length === 2 ? [dims[0], dims[1], 1] : dims;
  const maps: ActivationMap[] = [];
  const plane = new Float32Array(height * width);
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < height * width; p++) plane[p] = data[p * channels + c] ?? 0;
    const [min, max] = range(plane);
    maps.push({ channel: c, min: round6(min), max: round6(max), width, height, data: encode(plane, min, max, req.encoding) });
  }
  return { ok: true, value: { ...base, kind: 'maps', maps } };
}
