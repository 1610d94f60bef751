import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { model as functionalModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { inferGraph } from '../../../shared/inference/infer';
import { positionDims } from '../../../shared/inspect/geometry';
import { receptiveField } from '../../../shared/inspect/receptiveField';
import { GraphBuilder } from '../../../shared/templates/builder';
import { getTemplate } from '../../../shared/templates';
import { tfjsModelFromGraph } from '../export/load';

/**
 * Brute force: perturb each input pixel (all channels) in its own batch row and see which positions
 * of a layer's output change. With positive weights, zero biases and a zero image every path is
 * monotone (ReLUs open, max pooling picks the bumped value, BN's moving statistics 0 and 1), so an
 * output changes exactly when the pixel can influence it — the receptive field's definition.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function bruteForce(graph: Graph, layers: readonly string[], h: number, w: number, c: number): Promise<Map<string, Uint8Array[]>> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  const model = built.value;
  for (const layer of model.layers) {
    const bn = layer.getClassName() === 'BatchNormalization';
    layer.setWeights(
      layer
        .getWeights()
        .map((t, i) => (bn ? (i === 1 || i === 2 ? tf.zerosLike(t) : tf.onesLike(t)) : t.rank === 1 ? tf.zerosLike(t) : tf.add(tf.abs(t), 0.01))),
    );
  }
  const outputs = layers.map((name) => {
    const o = model.getLayer(name).output;
    if (Array.isArray(o)) throw new Error('several outputs');
    return o;
  });
  const probe = functionalModel({ inputs: model.inputs, outputs });
  const n = h * w;
  const x = tf.buffer([n + 1, h, w, c]);
  for (let p = 0; p < n; p++) for (let k = 0; k < c; k++) x.set(100, p + 1, Math.floor(p / w), p % w, k);
  const ys = probe.predict(x.toTensor());
  const list = Array.isArray(ys) ? ys : [ys];
  const out = new Map<string, Uint8Array[]>();
  layers.forEach((name, li) => {
    const y = list[li];
    if (y === undefined) throw new Error('missing output');
    const data = y.dataSync();
    const per = y.size / (n + 1);
    const chans = y.shape[y.shape.length - 1] ?? 1;
    const positions = per / chans;
    // changed[position] = mask over input pixels
    const masks = Array.from({ length: positions }, () => new Uint8Array(n));
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < positions; q++) {
        for (let k = 0; k < chans; k++) {
          const mask = masks[q];
          if (mask !== undefined && Math.abs((data[(p + 1) * per + q * chans + k] ?? 0) - (data[q * chans + k] ?? 0)) > 1e-6) {
            mask[p] = 1;
            break;
          }
        }
      }
    }
    out.set(name, masks);
  });
  return out;
}

async function compare(graph: Graph, layers: readonly string[], cells: readonly [number, number][]): Promise<number> {
  const inference = inferGraph(graph);
  const input = graph.nodes.find((n) => n.kind === 'InputLayer');
  const shape = input === undefined ? null : inference.nodes.get(input.id)?.outputShape;
  if (shape == null) throw new Error('no input shape');
  const [h = 1, w = 1] = positionDims(shape);
  const c = shape[3] ?? 1;
  const brute = await bruteForce(graph, layers, h, w, c);
  let checked = 0;
  for (const name of layers) {
    const node = graph.nodes.find((n) => n.name === name);
    const info = node === undefined ? undefined : inference.nodes.get(node.id);
    if (node === undefined || info?.outputShape == null) throw new Error(name);
    const [oh = 1, ow = 1] = positionDims(info.outputShape);
    for (const [fy, fx] of cells) {
      const y = Math.min(oh - 1, Math.floor(fy * oh));
      const x = Math.min(ow - 1, Math.floor(fx * ow));
      const field = receptiveField(graph, inference, node.id, y, x);
      if (!field.ok) throw new Error(field.error.message);
      const expected = brute.get(name)?.[y * ow + x];
      expect(Array.from(field.value.mask), `${name} (${y}, ${x})`).toEqual(Array.from(expected ?? []));
      checked++;
    }
  }
  return checked;
}

const corners: [number, number][] = [
  [0, 0],
  [0.5, 0.5],
  [0.99, 0.2],
  [0.3, 0.99],
];

/**
 * The template with 2 filters per convolution and 3 units per Dense: the geometry (and so every
 * receptive field) is the template's, while the 785-image brute-force batch stays cheap on cpu.
 */
function template(id: string): Graph {
  const g = getTemplate(id)?.build();
  if (g === undefined) throw new Error(id);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      const params = { ...n.params };
      if (typeof params['filters'] === 'number') params['filters'] = Math.min(params['filters'], 2);
      if (typeof params['units'] === 'number') params['units'] = Math.min(params['units'], 3);
      return { ...n, params };
    }),
  };
}

/** The names of the graph's layers whose kind matches, in graph order. */
function layersOfKind(graph: Graph, kind: RegExp): string[] {
  return graph.nodes.filter((n) => kind.test(n.kind)).map((n) => n.name);
}

describe('receptive fields equal brute force', () => {
  it('Keras CNN, CNN 64 5×5, LeNet-5', async () => {
    expect(await compare(template('keras_cnn'), ['conv2d', 'conv2d_1', 'max_pooling2d', 'dense'], corners)).toBe(16);
    const cnn = template('cnn_64_5x5');
    expect(await compare(cnn, layersOfKind(cnn, /Conv|Pool/), corners)).toBeGreaterThan(0);
    expect(await compare(template('lenet5'), ['conv2d', 'average_pooling2d', 'conv2d_1', 'average_pooling2d_1'], corners)).toBe(16);
  });

  it('the residual block and the Inception module (merges: union of the branches)', async () => {
    const res = template('residual_block');
    expect(await compare(res, layersOfKind(res, /Conv|Add|Pool/), corners)).toBeGreaterThan(8);
    const inc = template('inception_module');
    expect(await compare(inc, layersOfKind(inc, /Conv|Concat|Pool/), corners)).toBeGreaterThan(8);
  });

  it('dilation, strides with same padding, zero padding, cropping, upsampling', async () => {
    const b = new GraphBuilder('geo', 'Sequential');
    b.chain(b.input([13, 13, 1]), [
      [
        'ZeroPadding2D',
        {
          padding: [
            [1, 2],
            [2, 1],
          ],
        },
        'pad',
      ],
      ['Conv2D', { filters: 2, kernel_size: [3, 3], dilation_rate: [2, 2], padding: 'same' }, 'dil'],
      ['Conv2D', { filters: 2, kernel_size: [4, 3], strides: [2, 3], padding: 'same' }, 'str'],
      ['UpSampling2D', { size: [2, 2] }, 'up'],
      [
        'Cropping2D',
        {
          cropping: [
            [1, 0],
            [0, 2],
          ],
        },
        'crop',
      ],
      ['MaxPooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'same' }, 'pool'],
    ]);
    expect(await compare(b.build(), ['pad', 'dil', 'str', 'up', 'crop', 'pool'], corners)).toBe(24);
  });
});
