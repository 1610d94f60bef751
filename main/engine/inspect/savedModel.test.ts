import { rmSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { GraphBuilder } from '../../../shared/templates/builder';
import { makeCatsDogs } from '../datasets/testImages.test-util';
import { tfjsModelFromGraph } from '../export/load';
import { saveModel } from '../export/save';
import { evaluateSavedModel, predictWithSavedModel } from './savedModel';

/** 8×8×3 -> Flatten -> Dense(2, softmax): tiny, so the CPU backend evaluates it instantly. */
function tinyGraph(): Graph {
  const b = new GraphBuilder('tiny', 'Sequential');
  b.chain(b.input([8, 8, 3]), [
    ['Flatten', {}],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]);
  return b.build();
}

const root = makeCatsDogs();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('saved models (CLI evaluate / predict)', () => {
  let file = '';
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const graph = tinyGraph();
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.error.message);
    // Kernel that scores red for class 0 (cats) and blue for class 1 (dogs).
    const kernel = new Float32Array(8 * 8 * 3 * 2);
    for (let p = 0; p < 64; p++) {
      kernel[p * 3 * 2] = 1; // red -> cats
      kernel[(p * 3 + 2) * 2 + 1] = 1; // blue -> dogs
    }
    built.value.getLayer('dense').setWeights([tf.tensor2d(kernel, [192, 2]), tf.zeros([2])]);
    file = path.join(root, 'tiny.keras');
    const saved = await saveModel(built.value, graph, 'keras', file, { classNames: ['cats', 'dogs'] });
    if (!saved.ok) throw new Error(saved.error.message);
  });

  it('evaluates a .keras on an image folder, skipping the broken file', async () => {
    const r = await evaluateSavedModel(file, { kind: 'folder', path: root }, { backend: 'cpu' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.result.count, r.value.result.accuracy, r.value.result.classNames]).toEqual([6, 1, ['cats', 'dogs']]);
    expect(r.value.result.confusion).toEqual([
      [3, 0],
      [0, 3],
    ]);
    expect(r.value.warnings.some((w) => w.includes('broken.jpg'))).toBe(true);
  });
  it('predicts image files with the class names saved in the archive', async () => {
    const r = await predictWithSavedModel(file, [path.join(root, 'dogs', 'dog.0.jpg'), path.join(root, 'dogs', 'notes.txt')], undefined, 'cpu');
    if (!r.ok) throw new Error(r.error.message);
    const [dog, notes] = r.value.predictions;
    const result = dog?.outcome.ok ? dog.outcome.value : null;
    expect(result?.classNames[result.predicted]).toBe('dogs');
    expect(notes?.outcome.ok === false ? notes.outcome.error.message : '').toMatch(/not a JPEG or PNG image/);
  });
  it('says when the model file is missing', async () => {
    const r = await evaluateSavedModel(path.join(root, 'missing.keras'), { kind: 'mnist' }, { backend: 'cpu' });
    expect(r.ok ? '' : r.error.message).toMatch(/^cannot read .*missing\.keras: no such file$/);
  });
});
