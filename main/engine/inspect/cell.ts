import * as tf from '@tensorflow/tfjs-core';
import { fail, type Result } from '../../../shared/api/result';
import { model as functionalModel, type LayersModel, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import type { CellDetail, CellRequest, CellResult } from '../../../shared/api/inspectCompute';
import type { GraphNode, Params } from '../../../shared/graph/types';
import { inferGraph } from '../../../shared/inference/infer';
import { padBefore, windowOf } from '../../../shared/inspect/geometry';
import { activationConfig } from '../../../shared/layers/activation';
import { activationParam } from '../../../shared/layers/activationParam';
import { batchNormalizationConfig } from '../../../shared/layers/batchNormalization';
import { cropping2DConfig } from '../../../shared/layers/cropping2D';
import { depthwiseConv2DConfig } from '../../../shared/layers/depthwiseConv2D';
import { leakyReLUConfig } from '../../../shared/layers/leakyReLU';
import { reLUConfig } from '../../../shared/layers/reLU';
import { getLayerDef } from '../../../shared/layers/registry';
import { rescalingConfig } from '../../../shared/layers/rescaling';
import { separableConv2DConfig } from '../../../shared/layers/separableConv2D';
import { upSampling2DConfig } from '../../../shared/layers/upSampling2D';
import { paramIssues } from '../../../shared/layers/validateParam';
import { zeroPadding2DConfig } from '../../../shared/layers/zeroPadding2D';
import { inputShapeOf, type InspectContext } from './context';
import { prepareSample } from './samples';

/**
 * The ingredients of one output cell (shared/api/inspectCompute.ts): the layer's inputs in the
 * cell's window, the weights that meet them, the model's own value. The arithmetic itself is
 * redone in shared/inspect/arithmetic.ts, so the view can prove it equals the model.
 */

/** A value of the layer's input or output, whole, with its per-sample shape (batch dropped). */
interface Values {
  readonly data: Float32Array;
  readonly shape: number[];
}

const r8 = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(8)) : 0);

/** Runs the model once and returns the layer's input tensors and its output (inputs fed directly where they are the model's input). */
async function layerValues(model: LayersModel, inputs: readonly SymbolicTensor[], output: SymbolicTensor, x: Float32Array): Promise<Values[]> {
  const wanted = [...inputs, output];
  const probe = functionalModel({ inputs: model.inputs, outputs: wanted.filter((t) => !model.inputs.includes(t)) });
  const batch = tf.tensor(x, [1, ...inputShapeOf(model)], 'float32');
  const ys = probe.predict(batch);
  const list = Array.isArray(ys) ? ys : [ys];
  const out: Values[] = [];
  let k = 0;
  for (const t of wanted) {
    const src = model.inputs.includes(t) ? batch : list[k++];
    if (src === undefined) throw new Error('the probe model returned fewer outputs than asked');
    out.push({ data: Float32Array.from(await src.data()), shape: src.shape.slice(1) });
  }
  tf.dispose([batch, ...list]);
  return out;
}

/** Index of (y, x, c) in a channels-last tensor of `shape` (any rank: vectors use c only). */
function at(v: Values, y: number, x: number, c: number): number {
  const s = v.shape;
  if (s.length === 1) return c;
  if (s.length === 2) return y * (s[1] ?? 1) + c;
  return (y * (s[1] ?? 1) + x) * (s[2] ?? 1) + c;
}

function hwc(v: Values): [number, number, number] {
  const s = v.shape;
  return s.length === 3 ? [s[0] ?? 1, s[1] ?? 1, s[2] ?? 1] : s.length === 2 ? [1, s[0] ?? 1, s[1] ?? 1] : [1, 1, s[0] ?? 1];
}

function planeOf(v: Values, c: number): { width: number; height: number; data: number[] } {
  const [h, w, ch] = hwc(v);
  const data: number[] = [];
  for (let p = 0; p < h * w; p++) data.push(r8(v.data[p * ch + c] ?? 0));
  return { width: w, height: h, data };
}

/** The layer's weights by their Keras names (kernel, bias, gamma, …), in the graph's weight order. */
function weightsByName(ctx: InspectContext, node: GraphNode, layerWeights: readonly tf.Tensor[]): Map<string, Float32Array> {
  const names =
    ctx.graph === undefined || ctx.graph === null
      ? []
      : (inferGraph(ctx.graph)
          .nodes.get(node.id)
          ?.weights.map((w) => w.name) ?? []);
  const out = new Map<string, Float32Array>();
  layerWeights.forEach((t, i) => out.set(names[i] ?? String(i), Float32Array.from(t.dataSync())));
  return out;
}

type Ingredients = { detail: CellDetail; slide: CellResult['slide'] };

/** Filters per input channel: a spec'd int of DepthwiseConv2D and SeparableConv2D, 1 for Conv2D. */
function depthMultiplierOf(variant: 'Conv2D' | 'DepthwiseConv2D' | 'SeparableConv2D', params: Params): number {
  if (variant === 'DepthwiseConv2D') return depthwiseConv2DConfig(params).depth_multiplier;
  if (variant === 'SeparableConv2D') return separableConv2DConfig(params).depth_multiplier;
  return 1;
}

function windowed(node: GraphNode, input: Values, output: Values, req: CellRequest, w: Map<string, Float32Array>): Ingredients {
  const g = windowOf(node.kind, node.params);
  if (g === null) throw new Error('not a windowed layer');
  const [ih, iw, ic] = hwc(input);
  const [oh, ow] = hwc(output);
  const { y, x, channel } = req.cell;
  const origin: [number, number] = [
    y * g.strides[0] - padBefore(ih, oh, g.kernel[0], g.strides[0], g.dilation[0], g.padding),
    x * g.strides[1] - padBefore(iw, ow, g.kernel[1], g.strides[1], g.dilation[1], g.padding),
  ];
  const tap = (a: number, b: number, c: number): number | null => {
    const iy = origin[0] + a * g.dilation[0];
    const ix = origin[1] + b * g.dilation[1];
    return iy < 0 || ix < 0 || iy >= ih || ix >= iw ? null : (input.data[(iy * iw + ix) * ic + c] ?? 0);
  };
  const common = {
    kernel: g.kernel,
    strides: g.strides,
    dilation: g.dilation,
    padding: g.padding,
    origin,
    inputShape: [ih, iw, ic] as [number, number, number],
  };
  const [kh, kw] = g.kernel;
  if (node.kind === 'MaxPooling2D' || node.kind === 'AveragePooling2D') {
    const window: (number | null)[] = [];
    for (let a = 0; a < kh; a++)
      for (let b = 0; b < kw; b++) {
        const v = tap(a, b, channel);
        window.push(v === null ? null : r8(v));
      }
    return {
      detail: { kind: 'pool', op: node.kind === 'MaxPooling2D' ? 'max' : 'avg', ...common, channel, window },
      slide: { inputChannel: channel, input: planeOf(input, channel), output: planeOf(output, channel) },
    };
  }
  const variant = node.kind === 'DepthwiseConv2D' ? 'DepthwiseConv2D' : node.kind === 'SeparableConv2D' ? 'SeparableConv2D' : 'Conv2D';
  const m = depthMultiplierOf(variant, node.params);
  const channels = variant === 'DepthwiseConv2D' ? [Math.floor(channel / m)] : Array.from({ length: ic }, (_, c) => c);
  const patch: number[] = [];
  const weights: number[] = [];
  const bias = w.get('bias')?.[channel];
  const filters = hwc(output)[2];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      for (const c of channels) {
        patch.push(r8(tap(a, b, c) ?? 0));
        if (variant === 'Conv2D') weights.push(r8(w.get('kernel')?.[((a * kw + b) * ic + c) * filters + channel] ?? 0));
        else if (variant === 'DepthwiseConv2D') weights.push(r8(w.get('kernel')?.[((a * kw + b) * ic + c) * m + (channel % m)] ?? 0));
        else for (let j = 0; j < m; j++) weights.push(r8(w.get('depthwise_kernel')?.[((a * kw + b) * ic + c) * m + j] ?? 0));
      }
    }
  }
  const pw = w.get('pointwise_kernel');
  const pointwise = variant === 'SeparableConv2D' && pw !== undefined ? Array.from({ length: ic * m }, (_, j) => r8(pw[j * filters + channel] ?? 0)) : null;
  const inputChannel = channels[0] ?? 0;
  return {
    detail: { kind: 'conv', variant, ...common, channels, patch, weights, pointwise, depthMultiplier: m, bias: bias === undefined ? null : r8(bias) },
    slide: { inputChannel, input: planeOf(input, inputChannel), output: planeOf(output, channel) },
  };
}

function dense(node: GraphNode, input: Values, req: CellRequest, w: Map<string, Float32Array>): CellDetail {
  const n = input.shape[input.shape.length - 1] ?? 0;
  const { y, x, channel } = req.cell;
  const base = at(input, y, x, 0);
  const xs = Array.from(input.data.subarray(base, base + n));
  const kernel = w.get('kernel') ?? new Float32Array(0);
  const units = n === 0 ? 0 : kernel.length / n;
  const bias = w.get('bias');
  const softmax = activationParam(node.kind, node.params) === 'softmax';
  const logits = softmax ? Array.from({ length: units }, (_, u) => r8(xs.reduce((s, v, i) => s + v * (kernel[i * units + u] ?? 0), bias?.[u] ?? 0))) : null;
  return {
    kind: 'dense',
    inputs: xs.map(r8),
    weights: xs.map((_, i) => r8(kernel[i * units + channel] ?? 0)),
    bias: bias === undefined ? null : r8(bias[channel] ?? 0),
    logits,
  };
}

function elementwise(node: GraphNode, inbound: readonly string[], inputs: readonly Values[], req: CellRequest, w: Map<string, Float32Array>): CellDetail {
  const { y, x, channel } = req.cell;
  const first = inputs[0];
  const v0 = first === undefined ? 0 : (first.data[at(first, y, x, channel)] ?? 0);
  const p = node.params;
  switch (node.kind) {
    case 'BatchNormalization': {
      return {
        kind: 'batchnorm',
        x: r8(v0),
        mean: r8(w.get('moving_mean')?.[channel] ?? 0),
        variance: r8(w.get('moving_variance')?.[channel] ?? 1),
        gamma: r8(w.get('gamma')?.[channel] ?? 1),
        beta: r8(w.get('beta')?.[channel] ?? 0),
        epsilon: batchNormalizationConfig(p).epsilon,
      };
    }
    case 'Activation':
    case 'Softmax': {
      const fn = node.kind === 'Softmax' ? 'softmax' : activationConfig(p).activation;
      const n = first?.shape[first.shape.length - 1] ?? 0;
      const base = first === undefined ? 0 : at(first, y, x, 0);
      const vector = fn === 'softmax' && first !== undefined ? Array.from(first.data.subarray(base, base + n), r8) : null;
      return { kind: 'activation', fn, x: r8(v0), vector };
    }
    case 'ReLU': {
      const c = reLUConfig(p);
      return { kind: 'activation', fn: 'relu', x: r8(v0), vector: null, negativeSlope: c.negative_slope, maxValue: c.max_value, threshold: c.threshold };
    }
    case 'LeakyReLU':
      return { kind: 'activation', fn: 'leaky_relu', x: r8(v0), vector: null, negativeSlope: leakyReLUConfig(p).negative_slope };
    case 'Add':
    case 'Subtract':
    case 'Multiply':
    case 'Average':
    case 'Maximum':
      return {
        kind: 'merge',
        op: node.kind,
        inputs: inputs.map((v, i) => ({ layer: inbound[i] ?? '', channel, value: r8(v.data[at(v, y, x, channel)] ?? 0) })),
      };
    case 'Concatenate': {
      let offset = 0;
      for (const [i, v] of inputs.entries()) {
        const c = v.shape[v.shape.length - 1] ?? 0;
        if (channel < offset + c)
          return {
            kind: 'merge',
            op: 'Concatenate',
            inputs: [{ layer: inbound[i] ?? '', channel: channel - offset, value: r8(v.data[at(v, y, x, channel - offset)] ?? 0) }],
          };
        offset += c;
      }
      return { kind: 'merge', op: 'Concatenate', inputs: [] };
    }
    default:
      return copied(node, inbound, inputs, req);
  }
}

/** Layers that move values without arithmetic: which input value this cell is. */
function copied(node: GraphNode, inbound: readonly string[], inputs: readonly Values[], req: CellRequest): CellDetail {
  const { y, x, channel } = req.cell;
  const v = inputs[0];
  const layer = inbound[0] ?? '';
  if (v === undefined) return { kind: 'other', inputs: [], note: 'This layer has no input to trace.' };
  const one = (iy: number, ix: number, c: number, note: string): CellDetail => ({
    kind: 'other',
    inputs: [{ layer, index: v.shape.length === 3 ? `(${iy}, ${ix}, ${c})` : `[${c}]`, value: r8(v.data[at(v, iy, ix, c)] ?? 0) }],
    note,
  });
  const p: Params = node.params;
  switch (node.kind) {
    case 'Dropout':
    case 'SpatialDropout2D':
    case 'GaussianNoise':
    case 'GaussianDropout':
      return one(y, x, channel, 'When predicting, dropout passes every value through unchanged; it only zeroes values while training.');
    case 'Flatten':
    case 'Reshape': {
      const flat = req.cell.channel;
      return {
        kind: 'other',
        inputs: [{ layer, index: `flat ${flat}`, value: r8(v.data[flat] ?? 0) }],
        note: 'Reshaping keeps the values in row-major order; this one is the input value at the same flat position.',
      };
    }
    case 'ZeroPadding2D': {
      const [[t], [l]] = zeroPadding2DConfig(p).padding;
      const [ih, iw] = hwc(v);
      if (y - t < 0 || x - l < 0 || y - t >= ih || x - l >= iw)
        return { kind: 'other', inputs: [{ layer, index: 'padding', value: 0 }], note: 'This cell is in the added border of zeros.' };
      return one(y - t, x - l, channel, `The input moved by (${t}, ${l}) to make room for the border.`);
    }
    case 'Cropping2D': {
      const [[t], [l]] = cropping2DConfig(p).cropping;
      return one(y + t, x + l, channel, `The input cut by ${t} rows at the top and ${l} columns at the left.`);
    }
    case 'UpSampling2D': {
      const { size, interpolation } = upSampling2DConfig(p);
      const [sh, sw] = size;
      if (interpolation !== 'nearest')
        return { kind: 'other', inputs: [], note: 'Bilinear upsampling blends four input values; the view traces nearest-neighbour upsampling only.' };
      return one(Math.floor(y / sh), Math.floor(x / sw), channel, `Each input value is copied into a ${sh}×${sw} block.`);
    }
    case 'Rescaling':
      return {
        kind: 'other',
        inputs: [{ layer, index: `(${y}, ${x}, ${channel})`, value: r8(v.data[at(v, y, x, channel)] ?? 0) }],
        note: 'Rescaling multiplies and shifts every value.',
        scale: rescalingConfig(p).scale,
        offset: rescalingConfig(p).offset,
      };
    default:
      return { kind: 'other', inputs: [], note: `${node.kind} is not traced value by value; its receptive field is still exact.` };
  }
}

function globalPool(node: GraphNode, input: Values, req: CellRequest): CellDetail {
  const [ih, iw, ic] = hwc(input);
  const c = req.cell.channel;
  const window = Array.from({ length: ih * iw }, (_, p) => r8(input.data[p * ic + c] ?? 0));
  return {
    kind: 'pool',
    op: node.kind === 'GlobalMaxPooling2D' ? 'max' : 'avg',
    kernel: [ih, iw],
    strides: [1, 1],
    dilation: [1, 1],
    padding: 'valid',
    origin: [0, 0],
    inputShape: [ih, iw, ic],
    channel: c,
    window,
  };
}

function outputIndexValid(output: Values, req: CellRequest): string | null {
  const [h, w, c] = hwc(output);
  const { y, x, channel } = req.cell;
  return y < h && x < w && channel < c ? null : `The cell (${y}, ${x}, channel ${channel}) is outside the layer's ${h}×${w}×${c} output.`;
}

/** How one output value of `req.layer` was computed, for one sample. */
export async function cell(ctx: InspectContext, req: CellRequest): Promise<Result<CellResult>> {
  const node = ctx.graph?.nodes.find((n) => n.name === req.layer);
  if (node === undefined || ctx.graph === undefined || ctx.graph === null)
    return fail('no-layer', `The model has no layer '${req.layer}'; pick a block on the canvas.`);
  let layer;
  try {
    layer = ctx.model.getLayer(req.layer);
  } catch {
    return fail('no-layer', `The model has no layer '${req.layer}'.`);
  }
  // The model was built from this graph, which inference accepted, so an invalid param here is a bug in
  // Blockprop; reading it as its spec's default would trace arithmetic the model never did.
  const invalid = paramIssues(getLayerDef(node.kind)?.params ?? [], node.params);
  if (invalid.length > 0) throw new Error(`cell: ${node.kind} '${node.name}' ${invalid.map((i) => i.message).join('; ')}`);
  if (node.kind === 'InputLayer') return fail('input-layer', 'The Input block computes nothing: it is the image itself. Pick a layer after it.');
  const sample = await prepareSample(ctx, req.sample);
  if (!sample.ok) return sample;
  const inRaw = layer.input;
  const inputs = Array.isArray(inRaw) ? inRaw : [inRaw];
  const outRaw = layer.output;
  if (Array.isArray(outRaw)) return fail('layer-output', `Layer '${req.layer}' has several outputs; pick one of the layers after it.`);
  const values = await layerValues(ctx.model, inputs, outRaw, sample.value.x);
  const output = values[values.length - 1];
  const ins = values.slice(0, -1);
  const first = ins[0];
  if (output === undefined || first === undefined) return fail('layer-output', `Layer '${req.layer}' has no input to trace.`);
  const bad = outputIndexValid(output, req);
  if (bad !== null) return fail('bad-cell', bad);
  const inbound = inputs.map((t) => t.sourceLayer.name);
  const w = weightsByName(ctx, node, layer.getWeights());
  let ingredients: Ingredients;
  if (windowOf(node.kind, node.params) !== null && node.kind !== 'Conv2DTranspose' && first.shape.length === 3)
    ingredients = windowed(node, first, output, req, w);
  else if (node.kind === 'Dense') ingredients = { detail: dense(node, first, req, w), slide: null };
  else if (node.kind === 'GlobalAveragePooling2D' || node.kind === 'GlobalMaxPooling2D') ingredients = { detail: globalPool(node, first, req), slide: null };
  else ingredients = { detail: elementwise(node, inbound, ins, req, w), slide: null };
  const { y, x, channel } = req.cell;
  const hasActivation = node.kind === 'Conv2D' || node.kind === 'DepthwiseConv2D' || node.kind === 'SeparableConv2D' || node.kind === 'Dense';
  return {
    ok: true,
    value: {
      layer: req.layer,
      className: node.kind,
      activation: hasActivation ? (activationParam(node.kind, node.params) ?? 'linear') : 'linear',
      outputShape: [null, ...output.shape],
      cell: req.cell,
      value: r8(output.data[at(output, y, x, channel)] ?? 0),
      inbound,
      detail: ingredients.detail,
      slide: ingredients.slide,
    },
  };
}
