import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationsResultSchema, evaluateResultSchema, fcViewResultSchema, predictResultSchema } from '../../../shared/api/inspect';
import { buildFc200x200 } from '../../../shared/templates/chapter';
import { handleRequest, type EngineSession } from '../requests';

const empty: EngineSession = { model: null, graph: null, dataset: null, loss: null };
const dir = mkdtempSync(path.join(tmpdir(), 'blockprop-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

let id = 0;
async function ask(type: string, payload: unknown, session: EngineSession = empty) {
  return handleRequest(session, { kind: 'request', id: ++id, type, payload });
}

describe('inspect requests on the worker (before any training)', () => {
  const graph = buildFc200x200();
  it('evaluates, predicts and shows activations of the initial model on MNIST', async () => {
    const ev = await ask('evaluate', { graph, dataset: { kind: 'mnist' }, limit: 50, worst: 2 });
    if (!ev.ok) throw new Error(ev.error.message);
    const result = evaluateResultSchema.parse(ev.result);
    expect([result.count, result.worst.length, result.confusion.length]).toEqual([50, 2, 10]);
    const pr = await ask('predict', { graph, dataset: { kind: 'mnist' }, sample: { kind: 'test', index: 0 } });
    if (!pr.ok) throw new Error(pr.error.message);
    expect(predictResultSchema.parse(pr.result).label).toBe(7);
    const act = await ask('activations', { graph, sample: { kind: 'pixels', width: 28, height: 28, data: new Array(784).fill(0.5) }, layer: 'dense_1' });
    if (!act.ok) throw new Error(act.error.message);
    expect(activationsResultSchema.parse(act.result).values).toHaveLength(200);
    const fc = await ask('fcView', { graph });
    if (!fc.ok) throw new Error(fc.error.message);
    expect(fcViewResultSchema.parse(fc.result).columns).toBe(10);
  });
  it('uses the same initial weights for repeated looks at an unchanged graph', async () => {
    const a = await ask('predict', { graph, sample: { kind: 'pixels', width: 28, height: 28, data: new Array(784).fill(0.2) } });
    const moved = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: n.position.y } })) };
    const b = await ask('predict', { graph: moved, sample: { kind: 'pixels', width: 28, height: 28, data: new Array(784).fill(0.2) } });
    expect(a.ok && a.result).toEqual(b.ok && b.result);
  });
  it('exports the model and answers bad requests with a message', async () => {
    const ex = await ask('export', { graph, format: 'keras', target: path.join(dir, 'fc.keras') });
    expect(ex.ok && ex.result).toMatchObject({ files: [path.join(dir, 'fc.keras')] });
    const bad = await ask('activations', { graph, layer: 'dense' });
    expect(bad.ok ? '' : bad.error.message).toMatch(/^Invalid request: sample/);
    const none = await ask('kernels', {});
    expect(none.ok ? '' : none.error.code).toBe('no-model');
  });
  it('previews a built-in dataset', async () => {
    const r = await ask('datasetPreview', { dataset: { kind: 'mnist' }, perClass: 1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result).toMatchObject({ title: 'MNIST', total: 60000 });
  });
});
