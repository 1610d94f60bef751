import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inference/infer';
import { getTemplate } from '../templates';
import { replaceHead } from './replaceHead';

describe('replaceHead', () => {
  it('cuts above the chosen layer, adds GlobalAveragePooling2D + Dense(classes, softmax), freezes the rest', () => {
    const template = getTemplate('keras_cnn');
    if (template === undefined) throw new Error('no keras_cnn template');
    const graph = template.build();
    const conv = graph.nodes.filter((n) => n.kind === 'Conv2D').at(-1);
    if (conv === undefined) throw new Error('no Conv2D');
    const r = replaceHead(graph, conv.id, 3);
    if (!r.ok) throw new Error(r.error.message);
    const { graph: headed, frozen } = r.value;
    const kinds = headed.nodes.map((n) => n.kind);
    expect(kinds.slice(-2)).toEqual(['GlobalAveragePooling2D', 'Dense']);
    expect(kinds).not.toContain('Flatten');
    const dense = headed.nodes.at(-1);
    expect(dense?.params).toMatchObject({ units: 3, activation: 'softmax' });
    expect(headed.nodes.filter((n) => n.kind === 'Conv2D').every((n) => n.params['trainable'] === false)).toBe(true);
    const inference = inferGraph(headed);
    expect(inference.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Only the new head trains: conv filters 64 -> 3 classes, 64*3 + 3.
    expect(inference.totals.trainable).toBe(64 * 3 + 3);
    expect(frozen).toBe(2);
  });

  it('refuses fewer than 2 classes and an unknown block', () => {
    const graph = getTemplate('keras_cnn')?.build();
    if (graph === undefined) throw new Error('no template');
    expect(replaceHead(graph, 'nope', 3)).toMatchObject({ ok: false });
    const first = graph.nodes[1];
    expect(first && replaceHead(graph, first.id, 1)).toMatchObject({ ok: false, error: { message: 'A classifier needs at least 2 classes (got 1).' } });
  });
});
