import { failure, success, type Outcome } from '../api/outcome';
import type { Graph, GraphNode, Params, Shape } from '../graph/types';
import { inputNodes, inputsOf, topologicalOrder } from '../graph/topology';
import type { Inference } from '../inference/types';
import { cropping2DConfig } from '../layers/cropping2D';
import { upSampling2DConfig } from '../layers/upSampling2D';
import { zeroPadding2DConfig } from '../layers/zeroPadding2D';
import { padBefore, positionDims, windowOf, type LayerWindow } from './geometry';

/**
 * The receptive field of one output cell: every input pixel that can change it, found by walking
 * the graph backwards from the cell with one boolean mask per tensor (over its positions, i.e. all
 * dims but batch and channels). Exact through strides, padding, dilation (its holes included),
 * pooling, padding/cropping/upsampling and reshapes; at merges the branches' fields are united.
 * Channels are not tracked: a cell depends on every channel of its window except in depthwise
 * layers, and there the pixel positions are the same, so the mask over the input image is exact.
 */

export interface ReceptiveField {
  /** The Input block the field lies on. */
  readonly inputNode: string;
  readonly height: number;
  readonly width: number;
  /** height × width, row-major: 1 where the input pixel can influence the cell. */
  readonly mask: Uint8Array;
  readonly count: number;
  /** Bounding box, inclusive; null when the field is empty. */
  readonly box: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number } | null;
}

interface Tensor2 {
  readonly h: number;
  readonly w: number;
  /** Channels (last dim), for reshapes' flat index arithmetic. */
  readonly c: number;
}

function dims(shape: Shape): Tensor2 {
  const pos = positionDims(shape);
  const c = shape.length > 1 ? (shape[shape.length - 1] ?? 1) : 1;
  if (pos.length === 0) return { h: 1, w: 1, c };
  if (pos.length === 1) return { h: pos[0] ?? 1, w: 1, c };
  // Rank > 4 does not occur in the catalog; fold extra dims into the width.
  return { h: pos[0] ?? 1, w: pos.slice(1).reduce((a, b) => a * b, 1), c };
}

function windowed(out: Uint8Array, o: Tensor2, i: Tensor2, g: LayerWindow): Uint8Array {
  const m = new Uint8Array(i.h * i.w);
  const pt = padBefore(i.h, o.h, g.kernel[0], g.strides[0], g.dilation[0], g.padding);
  const pl = padBefore(i.w, o.w, g.kernel[1], g.strides[1], g.dilation[1], g.padding);
  for (let y = 0; y < o.h; y++) {
    for (let x = 0; x < o.w; x++) {
      if (out[y * o.w + x] !== 1) continue;
      for (let a = 0; a < g.kernel[0]; a++) {
        const iy = y * g.strides[0] - pt + a * g.dilation[0];
        if (iy < 0 || iy >= i.h) continue;
        for (let b = 0; b < g.kernel[1]; b++) {
          const ix = x * g.strides[1] - pl + b * g.dilation[1];
          if (ix >= 0 && ix < i.w) m[iy * i.w + ix] = 1;
        }
      }
    }
  }
  return m;
}

/** Conv2DTranspose: input pixel (y, x) feeds outputs y·s − pad + a·d — the forward convolution seen from its output. */
function transposed(out: Uint8Array, o: Tensor2, i: Tensor2, g: LayerWindow): Uint8Array {
  const m = new Uint8Array(i.h * i.w);
  const pt = padBefore(o.h, i.h, g.kernel[0], g.strides[0], g.dilation[0], g.padding);
  const pl = padBefore(o.w, i.w, g.kernel[1], g.strides[1], g.dilation[1], g.padding);
  for (let y = 0; y < i.h; y++) {
    for (let x = 0; x < i.w; x++) {
      let hit = false;
      for (let a = 0; a < g.kernel[0] && !hit; a++) {
        const oy = y * g.strides[0] - pt + a * g.dilation[0];
        if (oy < 0 || oy >= o.h) continue;
        for (let b = 0; b < g.kernel[1] && !hit; b++) {
          const ox = x * g.strides[1] - pl + b * g.dilation[1];
          if (ox >= 0 && ox < o.w && out[oy * o.w + ox] === 1) hit = true;
        }
      }
      if (hit) m[y * i.w + x] = 1;
    }
  }
  return m;
}

/** A positional map: input (y, x) is in the field when `source(y, x)` lists an output position in the mask. */
function mapped(out: Uint8Array, o: Tensor2, i: Tensor2, outputsOf: (y: number, x: number) => [number, number][]): Uint8Array {
  const m = new Uint8Array(i.h * i.w);
  for (let y = 0; y < i.h; y++) {
    for (let x = 0; x < i.w; x++) {
      if (outputsOf(y, x).some(([oy, ox]) => oy >= 0 && oy < o.h && ox >= 0 && ox < o.w && out[oy * o.w + ox] === 1)) m[y * i.w + x] = 1;
    }
  }
  return m;
}

/** Reshape-like layers keep the flat (row-major) order: output element f came from input element f. */
function flat(out: Uint8Array, o: Tensor2, i: Tensor2): Uint8Array {
  const m = new Uint8Array(i.h * i.w);
  for (let p = 0; p < o.h * o.w; p++) {
    if (out[p] !== 1) continue;
    const first = Math.floor((p * o.c) / i.c);
    const last = Math.floor(((p + 1) * o.c - 1) / i.c);
    for (let q = first; q <= last && q < m.length; q++) m[q] = 1;
  }
  return m;
}

function upsampledSources(size: readonly [number, number], bilinear: boolean, i: Tensor2): (y: number, x: number) => [number, number][] {
  // Which outputs read input (y, x): nearest copies it into its size×size block; bilinear (half-pixel
  // centres) also blends it into the neighbouring blocks' edges.
  return (y, x) => {
    const rows = bilinear ? span(y, size[0], i.h) : range(y * size[0], size[0]);
    const cols = bilinear ? span(x, size[1], i.w) : range(x * size[1], size[1]);
    return rows.flatMap((r) => cols.map((c): [number, number] => [r, c]));
  };
}

function range(start: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => start + k);
}

function span(index: number, scale: number, inLen: number): number[] {
  const out: number[] = [];
  for (let o = (index - 1) * scale; o < (index + 2) * scale; o++) {
    const src = Math.max((o + 0.5) / scale - 0.5, 0);
    const lo = Math.min(Math.floor(src), inLen - 1);
    const hi = Math.min(lo + 1, inLen - 1);
    if (o >= 0 && (lo === index || (hi === index && src - lo > 0))) out.push(o);
  }
  return out;
}

/** Mask of one input of `node`, given the mask of its output. */
export function backMask(kind: string, params: Params, inShape: Shape, outShape: Shape, out: Uint8Array): Uint8Array {
  const o = dims(outShape);
  const i = dims(inShape);
  const g = windowOf(kind, params);
  if (g !== null && inShape.length === 4) return kind === 'Conv2DTranspose' ? transposed(out, o, i, g) : windowed(out, o, i, g);
  if (kind === 'ZeroPadding2D') {
    const [[t], [l]] = zeroPadding2DConfig(params).padding;
    return mapped(out, o, i, (y, x) => [[y + t, x + l]]);
  }
  if (kind === 'Cropping2D') {
    const [[t], [l]] = cropping2DConfig(params).cropping;
    return mapped(out, o, i, (y, x) => [[y - t, x - l]]);
  }
  if (kind === 'UpSampling2D') {
    const { size, interpolation } = upSampling2DConfig(params);
    return mapped(out, o, i, upsampledSources(size, interpolation === 'bilinear', i));
  }
  if (kind === 'Flatten' || kind === 'Reshape') return flat(out, o, i);
  const any = out.some((v) => v === 1);
  if (i.h * i.w === o.h * o.w && i.h === o.h) return Uint8Array.from(out);
  // Global pooling, Dense on a vector, … : every input position feeds every output.
  return new Uint8Array(i.h * i.w).fill(any ? 1 : 0);
}

/**
 * The receptive field of position (y, x) of `nodeId`'s output (a vector output has one position:
 * pass 0, 0) on the first Input block.
 */
export function receptiveField(graph: Graph, inference: Inference, nodeId: string, y: number, x: number): Outcome<ReceptiveField> {
  const order = topologicalOrder(graph);
  if (order === null) return failure('The model has a cycle, so no receptive field can be traced; remove the wire that loops back.');
  const input = inputNodes(graph)[0];
  const target = inference.nodes.get(nodeId);
  if (input === undefined || target?.outputShape == null)
    return failure('The model has no Input block with a known shape; fix the problems listed on the blocks first.');
  const t = dims(target.outputShape);
  if (y < 0 || x < 0 || y >= t.h || x >= t.w) return failure(`Position (${y}, ${x}) is outside ${target.name}'s ${t.h}×${t.w} output.`);
  const masks = new Map<string, Uint8Array>();
  const start = new Uint8Array(t.h * t.w);
  start[y * t.w + x] = 1;
  masks.set(nodeId, start);
  const index = new Map(order.map((n, k) => [n.id, k] as const));
  const from = index.get(nodeId) ?? -1;
  for (let k = from; k >= 0; k--) {
    const node: GraphNode | undefined = order[k];
    if (node === undefined) continue;
    const mask = masks.get(node.id);
    const info = inference.nodes.get(node.id);
    if (mask === undefined || info?.outputShape == null) continue;
    for (const edge of inputsOf(graph, node.id)) {
      const inShape = info.inputShapes[edge.targetIndex];
      if (inShape == null) return failure(`The shape arriving at '${node.name}' is unknown; fix the problems listed on the blocks first.`);
      const back = backMask(node.kind, node.params, inShape, info.outputShape, mask);
      const seen = masks.get(edge.source);
      if (seen === undefined) masks.set(edge.source, back);
      else for (let p = 0; p < seen.length; p++) seen[p] = (seen[p] ?? 0) | (back[p] ?? 0);
    }
  }
  const inShape = inference.nodes.get(input.id)?.outputShape;
  const d = inShape == null ? { h: 0, w: 0, c: 0 } : dims(inShape);
  const mask = masks.get(input.id) ?? new Uint8Array(d.h * d.w);
  return success(summarise(input.id, d.h, d.w, mask));
}

function summarise(inputNode: string, height: number, width: number, mask: Uint8Array): ReceptiveField {
  let count = 0;
  let top = height;
  let left = width;
  let bottom = -1;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] !== 1) continue;
      count++;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { inputNode, height, width, mask, count, box: count === 0 ? null : { top, left, bottom, right } };
}

/** "a 5×5 square of 25 pixels" or "13 of the 9×9 pixels around (3, 4)…" — for the detail view's headline. */
export function describeField(f: ReceptiveField): string {
  if (f.box === null) return 'no input pixel reaches this value';
  const bh = f.box.bottom - f.box.top + 1;
  const bw = f.box.right - f.box.left + 1;
  const whole = f.count === f.height * f.width ? ' — the whole image' : '';
  const solid = f.count === bh * bw ? `${bh}×${bw} pixels` : `${f.count} pixels within ${bh}×${bw}`;
  return `${solid} (rows ${f.box.top}–${f.box.bottom}, columns ${f.box.left}–${f.box.right})${whole}`;
}
