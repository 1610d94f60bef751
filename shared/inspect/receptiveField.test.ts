import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inference/infer';
import { GraphBuilder } from '../templates/builder';
import { getTemplate } from '../templates';
import type { Graph } from '../graph/types';
import { describeField, receptiveField } from './receptiveField';

function nodeNamed(graph: Graph, name: string): string {
  const n = graph.nodes.find((x) => x.name === name);
  if (n === undefined) throw new Error(`no ${name}`);
  return n.id;
}

function fieldOf(graph: Graph, layer: string, y: number, x: number) {
  const r = receptiveField(graph, inferGraph(graph), nodeNamed(graph, layer), y, x);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function rows(f: { mask: Uint8Array; height: number; width: number }): string[] {
  return Array.from({ length: f.height }, (_, y) => Array.from(f.mask.subarray(y * f.width, (y + 1) * f.width)).join(''));
}

describe('receptiveField', () => {
  it('two valid 3×3 convolutions see a 5×5 square (the Keras CNN second conv)', () => {
    const g = getTemplate('keras_cnn')?.build();
    if (g === undefined) throw new Error('template');
    const f = fieldOf(g, 'conv2d_1', 0, 0);
    expect(f.count).toBe(25);
    expect(f.box).toEqual({ top: 0, left: 0, bottom: 4, right: 4 });
    // after 2×2 max pooling, one cell covers 6×6 pixels
    expect(fieldOf(g, 'max_pooling2d', 3, 2).box).toEqual({ top: 6, left: 4, bottom: 11, right: 9 });
    // Dense after Flatten sees every pixel
    expect(fieldOf(g, 'dense', 0, 0).count).toBe(28 * 28);
  });

  it('keeps the holes of a dilated kernel and clips same padding at the border', () => {
    const b = new GraphBuilder('dil', 'Sequential');
    b.chain(b.input([9, 9, 1]), [['Conv2D', { filters: 1, kernel_size: [3, 3], dilation_rate: [2, 2], padding: 'same' }, 'c']]);
    const g = b.build();
    const centre = fieldOf(g, 'c', 4, 4);
    expect(centre.count).toBe(9);
    expect(rows(centre)[2]).toBe('001010100');
    expect(rows(centre)[3]).toBe('000000000');
    const corner = fieldOf(g, 'c', 0, 0);
    expect(corner.count).toBe(4);
    expect(describeField(corner)).toContain('4 pixels within 3×3');
  });

  it('strides and same padding follow TF (pad the smaller half first)', () => {
    const b = new GraphBuilder('s', 'Sequential');
    b.chain(b.input([8, 8, 1]), [['Conv2D', { filters: 1, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }, 'c']]);
    const g = b.build();
    // 8 -> 4 with stride 2, 3×3: total pad 1, 0 before, so output 0 covers rows 0–2
    expect(fieldOf(g, 'c', 0, 0).box).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(fieldOf(g, 'c', 3, 3).box).toEqual({ top: 6, left: 6, bottom: 7, right: 7 });
  });

  it('unites the branches of a merge', () => {
    const b = new GraphBuilder('m', 'Functional');
    const x = b.input([10, 10, 1]);
    const a = b.layer('Conv2D', { filters: 2, kernel_size: [1, 1] }, x, 'a');
    const wide = b.layer('Conv2D', { filters: 2, kernel_size: [5, 5], padding: 'same' }, x, 'wide');
    const c = b.layer('Concatenate', {}, [a, wide], 'cat');
    b.layer(
      'Cropping2D',
      {
        cropping: [
          [1, 1],
          [1, 1],
        ],
      },
      c,
      'crop',
    );
    const g = b.build();
    expect(fieldOf(g, 'cat', 5, 5).box).toEqual({ top: 3, left: 3, bottom: 7, right: 7 });
    // Cropping shifts: output (0, 0) is (1, 1) of the concatenation, whose 5×5 same window is clipped at the border
    expect(fieldOf(g, 'crop', 0, 0).box).toEqual({ top: 0, left: 0, bottom: 3, right: 3 });
  });

  it('refuses a cell outside the output with a message', () => {
    const g = getTemplate('keras_cnn')?.build();
    if (g === undefined) throw new Error('template');
    const r = receptiveField(g, inferGraph(g), nodeNamed(g, 'conv2d'), 30, 0);
    expect(r.ok).toBe(false);
  });
});
