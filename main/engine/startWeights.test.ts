import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../shared/graph/types';
import { openModelFile } from '../modelfile/read';
import { startBackend } from './backend';
import { tfjsModelFromGraph } from './export/load';
import { applyStartWeights } from './startWeights';

const file = path.join(__dirname, '../../tests/fixtures/trained/cnn.keras');

beforeAll(async () => {
  await startBackend('cpu');
});

async function opened(): Promise<{ graph: Graph; kernel: number[] }> {
  const r = await openModelFile(file);
  if (!r.ok || r.value.weights === null) throw new Error(r.ok ? 'no weights' : r.error.message);
  const conv = r.value.weights.find((w) => w.layer === 'conv_a');
  return { graph: r.value.graph, kernel: Array.from(conv?.vars[0]?.data ?? []) };
}

describe('where a run starts (TrainRequest.weightsFrom)', () => {
  it("a file's weights: every layer that fits gets them", async () => {
    const { graph, kernel } = await opened();
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.error.message);
    const r = await applyStartWeights(built.value, { kind: 'file', path: file }, null);
    expect(r).toEqual({ ok: true, value: null });
    expect(Array.from(built.value.getLayer('conv_a').getWeights()[0]?.dataSync() ?? [])).toEqual(kernel);
    built.value.dispose();
  });

  it('a changed layer starts fresh and the message names it; the others keep their weights', async () => {
    const { graph, kernel } = await opened();
    const edited: Graph = { ...graph, nodes: graph.nodes.map((n) => (n.name === 'dense_1' ? { ...n, params: { ...n.params, units: 2 } } : n)) };
    const built = await tfjsModelFromGraph(edited);
    if (!built.ok) throw new Error(built.error.message);
    const r = await applyStartWeights(built.value, { kind: 'file', path: file }, null);
    expect(r).toEqual({ ok: true, value: `Continuing from the weights of ${file}; 'dense_1' changed and starts with fresh weights.` });
    expect(Array.from(built.value.getLayer('conv_a').getWeights()[0]?.dataSync() ?? [])).toEqual(kernel);
    built.value.dispose();
  });

  it('continuing with nothing trained is refused with a way out', async () => {
    const { graph } = await opened();
    const built = await tfjsModelFromGraph(graph);
    if (!built.ok) throw new Error(built.error.message);
    expect(await applyStartWeights(built.value, { kind: 'previous' }, null)).toEqual({
      ok: false,
      error: { message: 'There are no trained weights to continue from; start from scratch instead.' },
    });
    const noWeights = path.join(__dirname, '../../tests/fixtures/keras/keras_cnn.keras3.json');
    const r = await applyStartWeights(built.value, { kind: 'file', path: noWeights }, null);
    expect(r.ok).toBe(false);
    built.value.dispose();
  });
});
