import * as tf from '@tensorflow/tfjs-core';
import { fail, type Result } from '../../../shared/api/result';
import type { FcViewRequest, FcViewResult, KernelsRequest, KernelsResult } from '../../../shared/api/inspect';
import { classNamesFor, round6, type InspectContext } from './context';
import { imageShapeFor } from './samples';

const CONV_KINDS = new Set(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'Conv2DTranspose']);

function minMax(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? [0, 0] : [min, max];
}

/** A convolution layer's kernels as small images: the chapter's first-layer filters by default. */
export function kernels(ctx: InspectContext, req: KernelsRequest): Result<KernelsResult> {
  const layer = req.layer === undefined ? ctx.model.layers.find((l) => CONV_KINDS.has(l.getClassName())) : ctx.model.layers.find((l) => l.name === req.layer);
  if (!layer)
    return fail(
      'no-layer',
      req.layer === undefined ? 'The model has no convolution layer whose kernels could be shown.' : `The model has no layer '${req.layer}'.`,
    );
  const className = layer.getClassName();
  if (!CONV_KINDS.has(className)) return fail('not-conv', `${className} '${layer.name}' has no convolution kernels; pick a Conv2D block.`);
  const weights = layer.getWeights();
  const kernel = weights[0];
  if (!kernel || kernel.shape.length !== 4) return fail('no-kernel', `${className} '${layer.name}' has no 4-D kernel.`);
  const [kh = 1, kw = 1, a = 1, b = 1] = kernel.shape;
  const values = kernel.dataSync();
  // Conv2D [kh, kw, in, out]; Conv2DTranspose [kh, kw, out, in]; depthwise [kh, kw, in, multiplier] (one map each).
  const depthwise = className !== 'Conv2D' && className !== 'Conv2DTranspose';
  const transposed = className === 'Conv2DTranspose';
  const filters = depthwise ? a * b : transposed ? a : b;
  const inChannels = depthwise ? 1 : transposed ? b : a;
  const at = (y: number, x: number, c: number, f: number): number => {
    if (depthwise) return values[((y * kw + x) * a + Math.floor(f / b)) * b + (f % b)] ?? 0;
    if (transposed) return values[((y * kw + x) * a + f) * b + c] ?? 0;
    return values[((y * kw + x) * a + c) * b + f] ?? 0;
  };
  const list = [];
  for (let f = 0; f < filters; f++) {
    const data: number[] = [];
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < inChannels; c++) data.push(round6(at(y, x, c, f)));
    const [min, max] = minMax(data);
    list.push({ filter: f, min, max, width: kw, height: kh, channels: inChannels, data });
  }
  const [min, max] = minMax(values);
  const biasWeight = className === 'SeparableConv2D' ? weights[2] : weights[1];
  const result: KernelsResult = {
    layer: layer.name,
    className,
    kernelSize: [kh, kw],
    inChannels,
    filters,
    min: round6(min),
    max: round6(max),
    kernels: list,
    bias: biasWeight && biasWeight.shape.length === 1 ? Array.from(biasWeight.dataSync(), round6) : null,
  };
  return { ok: true, value: result };
}

/** Layers that pass values through unchanged, or element-wise, in the chapter's W1 @ W2 @ W3 picture. */
const TRANSPARENT = new Set(['InputLayer', 'Flatten', 'Dropout', 'Activation', 'ReLU', 'LeakyReLU', 'Softmax', 'Reshape']);

/**
 * The chapter's "what the network sees" for fully connected nets: the product of the Dense
 * kernels (input × units), each column reshaped to the input image.
 */
export function fcView(ctx: InspectContext, req: FcViewRequest): Result<FcViewResult> {
  const dense: { name: string; kernel: tf.Tensor }[] = [];
  for (const layer of ctx.model.layers) {
    const kind = layer.getClassName();
    if (kind === 'Dense') {
      const kernel = layer.getWeights()[0];
      if (kernel) dense.push({ name: layer.name, kernel });
      if (layer.name === req.upTo) break;
    } else if (!TRANSPARENT.has(kind)) {
      return fail(
        'not-fc',
        `"What the network sees" needs a fully connected net (Dense layers only); this model has ${kind} '${layer.name}' — look at its kernels and activations instead.`,
      );
    }
  }
  if (dense.length === 0) return fail('not-fc', 'The model has no Dense layer.');
  if (req.upTo !== undefined && dense[dense.length - 1]?.name !== req.upTo) return fail('no-layer', `The model has no Dense layer '${req.upTo}'.`);
  const product = tf.tidy(() => dense.slice(1).reduce((acc, d) => tf.matMul(acc, d.kernel), dense[0]?.kernel ?? tf.zeros([1, 1])));
  const [inputs = 0, columns = 0] = product.shape;
  const values = product.dataSync();
  product.dispose();
  const [h, w, c] = imageShapeFor(ctx);
  if (h * w * c !== inputs) return fail('shape-mismatch', `The first Dense layer takes ${inputs} values, which is not an image of the Input's size.`);
  const lastDense = ctx.model.layers.filter((l) => l.getClassName() === 'Dense').pop();
  const names = dense[dense.length - 1]?.name === lastDense?.name ? classNamesFor(ctx) : [];
  const images = [];
  for (let j = 0; j < Math.min(columns, req.maxImages); j++) {
    const data: number[] = [];
    for (let i = 0; i < inputs; i++) data.push(round6(values[i * columns + j] ?? 0));
    const [min, max] = minMax(data);
    images.push({ index: j, label: names.length === columns ? (names[j] ?? null) : null, min, max, width: w, height: h, data });
  }
  return { ok: true, value: { layers: dense.map((d) => d.name), imageShape: [h, w, c], columns, images } };
}
