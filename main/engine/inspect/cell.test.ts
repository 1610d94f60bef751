import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellRequest } from '../../../shared/api/inspectCompute';
import type { Graph } from '../../../shared/graph/types';
import { computeCell } from '../../../shared/inspect/arithmetic';
import { GraphBuilder } from '../../../shared/templates/builder';
import { tfjsModelFromGraph } from '../export/load';
import { activations } from './activations';
import { cell } from './cell';
import type { InspectContext } from './context';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function contextFor(graph: Graph): Promise<InspectContext> {
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) throw new Error(built.error.message);
  const model: LayersModel = built.value;
  const r = rng(7);
  // Non-trivial weights everywhere: biases, BN statistics and γ/β too (initial ones are 0 and 1).
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (ws.length === 0) continue;
    layer.setWeights(
      ws.map((w, i) => {
        const n = w.size;
        const isVar = layer.getClassName() === 'BatchNormalization' && i === ws.length - 1;
        return tf.tensor(
          Array.from({ length: n }, () => (isVar ? 0.5 + r() : r() - 0.5)),
          w.shape,
        );
      }),
    );
  }
  return { model, heldOut: null, classNames: [], graph };
}

const pixels = (h: number, w: number, c: number) => {
  const r = rng(3);
  return { kind: 'pixels' as const, width: w, height: h, channels: c === 3 ? (3 as const) : (1 as const), data: Array.from({ length: h * w * c }, () => r()) };
};

/** One cell to check: the layer, then the y, x and channel of that cell in its output. */
type Probe = readonly [layer: string, y: number, x: number, channel: number];

async function check(ctx: InspectContext, sample: CellRequest['sample'], probes: readonly Probe[]) {
  for (const [layer, y, x, channel] of probes) {
    const c: CellRequest['cell'] = { y, x, channel };
    const r = await cell(ctx, { layer, sample, cell: c });
    if (!r.ok) throw new Error(r.error.message);
    const computed = computeCell(r.value);
    if (!computed.ok) throw new Error(computed.error.message);
    expect(computed.value.difference, `${layer} ${JSON.stringify(c)}`).toBeLessThan(1e-5);
    // The model's value is the activation map's pixel (the same tensor the Inspect grid shows).
    const maps = await activations(ctx, { layer, sample, encoding: 'f32' });
    if (!maps.ok) throw new Error(maps.error.message);
    const buf = Buffer.from(maps.value.maps[c.channel]?.data ?? '', 'base64');
    const m = maps.value.kind === 'vector' ? (maps.value.values ?? []) : Array.from({ length: buf.length / 4 }, (_, i) => buf.readFloatLE(i * 4));
    const fromMap = maps.value.kind === 'vector' ? m[c.channel] : m[c.y * (maps.value.maps[0]?.width ?? 1) + c.x];
    expect(Math.abs((fromMap ?? NaN) - r.value.value)).toBeLessThan(1e-5);
  }
}

describe('the detail view reproduces the engine', () => {
  it('Conv2D valid / same / strides / dilation, pooling, BatchNormalization, activations', async () => {
    const b = new GraphBuilder('convs', 'Sequential');
    b.chain(b.input([11, 11, 3]), [
      ['Conv2D', { filters: 3, kernel_size: [3, 3], activation: 'relu' }, 'valid'],
      ['Conv2D', { filters: 4, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'tanh' }, 'strided'],
      ['Conv2D', { filters: 2, kernel_size: [3, 3], dilation_rate: [2, 2], padding: 'same', activation: 'sigmoid' }, 'dilated'],
      ['BatchNormalization', {}, 'bn'],
      ['ReLU', { max_value: 0.5 }, 'relu'],
      ['LeakyReLU', { negative_slope: 0.2 }, 'leaky'],
      ['MaxPooling2D', { pool_size: [2, 2], padding: 'same' }, 'maxpool'],
      ['AveragePooling2D', { pool_size: [2, 2], strides: [1, 1], padding: 'same' }, 'avgpool'],
      ['Activation', { activation: 'elu' }, 'elu'],
    ]);
    await check(await contextFor(b.build()), pixels(11, 11, 3), [
      ['valid', 0, 0, 0],
      ['valid', 8, 4, 2],
      ['strided', 0, 0, 1],
      ['strided', 4, 4, 3],
      ['dilated', 0, 4, 1],
      ['dilated', 2, 2, 0],
      ['bn', 1, 3, 1],
      ['relu', 2, 3, 0],
      ['relu', 0, 0, 1],
      ['leaky', 2, 3, 0],
      ['leaky', 1, 1, 1],
      ['maxpool', 0, 0, 0],
      ['maxpool', 2, 2, 1],
      ['avgpool', 2, 2, 1],
      ['avgpool', 1, 0, 0],
      ['elu', 1, 1, 0],
    ]);
  });

  it('DepthwiseConv2D and SeparableConv2D with a depth multiplier', async () => {
    const b = new GraphBuilder('dw', 'Sequential');
    b.chain(b.input([9, 9, 3]), [
      ['DepthwiseConv2D', { kernel_size: [3, 3], depth_multiplier: 2, padding: 'same', activation: 'relu6' }, 'dw'],
      ['SeparableConv2D', { filters: 4, kernel_size: [3, 3], depth_multiplier: 2, strides: [2, 2], activation: 'linear' }, 'sep'],
    ]);
    await check(await contextFor(b.build()), pixels(9, 9, 3), [
      ['dw', 0, 0, 5],
      ['dw', 4, 3, 2],
      ['sep', 1, 2, 3],
      ['sep', 0, 0, 0],
    ]);
  });

  it('Dense (with softmax), Flatten, Dropout, merges and global pooling in a functional model', async () => {
    const b = new GraphBuilder('fn', 'Functional');
    const x = b.input([6, 6, 3]);
    const a = b.layer('Conv2D', { filters: 3, kernel_size: [1, 1] }, x, 'a');
    const c = b.layer('Conv2D', { filters: 3, kernel_size: [3, 3], padding: 'same' }, x, 'c');
    const add = b.layer('Add', {}, [a, c], 'add');
    const cat = b.layer('Concatenate', {}, [a, add], 'cat');
    const gap = b.layer('GlobalAveragePooling2D', {}, cat, 'gap');
    const flat = b.layer('Flatten', {}, cat, 'flat');
    const d1 = b.layer('Dense', { units: 5, activation: 'relu' }, flat, 'd1');
    const drop = b.layer('Dropout', { rate: 0.5 }, d1, 'drop');
    const both = b.layer('Concatenate', {}, [drop, gap], 'both');
    b.layer('Dense', { units: 4, activation: 'softmax' }, both, 'out');
    await check(await contextFor(b.build()), pixels(6, 6, 3), [
      ['add', 2, 3, 1],
      ['cat', 1, 1, 4],
      ['cat', 0, 5, 0],
      ['gap', 0, 0, 5],
      ['flat', 0, 0, 50],
      ['d1', 0, 0, 2],
      ['drop', 0, 0, 1],
      ['out', 0, 0, 3],
    ]);
  });

  it('says why for the Input block and for cells outside the output', async () => {
    const b = new GraphBuilder('m', 'Sequential');
    b.chain(b.input([4, 4, 1]), [['Conv2D', { filters: 1, kernel_size: [3, 3] }, 'c']]);
    const ctx = await contextFor(b.build());
    const bad = await cell(ctx, { layer: 'c', sample: pixels(4, 4, 1), cell: { y: 2, x: 0, channel: 0 } });
    expect(bad.ok ? '' : bad.error.message).toContain('outside');
    const input = await cell(ctx, { layer: 'input_layer', sample: pixels(4, 4, 1), cell: { y: 0, x: 0, channel: 0 } });
    expect(input.ok ? '' : input.error.message).toContain('Input block');
  });

  it('refuses to trace a block whose params inference would have rejected (a bug, not a user mistake)', async () => {
    const b = new GraphBuilder('m', 'Sequential');
    b.chain(b.input([4, 4, 1]), [['Conv2D', { filters: 1, kernel_size: [3, 3] }, 'c']]);
    const graph = b.build();
    const ctx = await contextFor(graph);
    const broken: Graph = { ...graph, nodes: graph.nodes.map((n) => (n.name === 'c' ? { ...n, params: { ...n.params, strides: 'x' } } : n)) };
    await expect(cell({ ...ctx, graph: broken }, { layer: 'c', sample: pixels(4, 4, 1), cell: { y: 0, x: 0, channel: 0 } })).rejects.toThrow(
      'Conv2D \'c\' has strides = "x"',
    );
  });
});
