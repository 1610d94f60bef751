import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../shared/graph/types';
import { openModelFile } from '../modelfile/read';
import { startBackend } from './backend';
import type { EngineSession } from './requests';
import { weightHandlers } from './weightRequests';
import { latestFor, latestModel } from './weightStore';

const fixtures = path.join(__dirname, '../../tests/fixtures/trained');
const session: EngineSession = { model: null, graph: null, dataset: null, loss: null };
let dir = '';

beforeAll(async () => {
  await startBackend('cpu');
  dir = mkdtempSync(path.join(tmpdir(), 'blockprop-weights-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call(type: 'weights.load' | 'weights.save', payload: unknown): Promise<unknown> {
  const handler = weightHandlers[type];
  if (handler === undefined) throw new Error(`no handler ${type}`);
  const r = await handler(session, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function graphOf(file: string): Promise<Graph> {
  const opened = await openModelFile(file);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.graph;
}

describe('weights.save / weights.load: trained weights kept beside a project', () => {
  it('writes nothing before any weights exist', async () => {
    expect(latestModel()).toBeNull();
    const graph = await graphOf(path.join(fixtures, 'cnn.json'));
    expect(await call('weights.save', { graph, target: path.join(dir, 'none.weights.h5') })).toEqual({ file: null, bytes: 0, fresh: [] });
  });

  it("loads a file's weights for a graph, saves them as a Keras 3 .weights.h5 that reads back the same", async () => {
    const source = path.join(fixtures, 'cnn.keras');
    const graph = await graphOf(source);
    expect(await call('weights.load', { graph, path: source })).toEqual({ loaded: true, kept: ['conv_a', 'conv2d', 'dense', 'dense_1'], fresh: [] });
    expect(latestFor(graph)).not.toBeNull();
    const target = path.join(dir, 'cnn.weights.h5');
    const saved = await call('weights.save', { graph, target });
    expect(saved).toMatchObject({ file: target, fresh: [] });
    const original = await openModelFile(source);
    const again = await openModelFile(path.join(fixtures, 'cnn.json'), { weights: target });
    if (!original.ok || !again.ok) throw new Error('reopen failed');
    expect(again.value.weights?.map((w) => [w.layer, w.vars.map((v) => Array.from(v.data))])).toEqual(
      original.value.weights?.map((w) => [w.layer, w.vars.map((v) => Array.from(v.data))]),
    );
  });

  it('an edited block loses only its own weights, and the save says which', async () => {
    const graph = await graphOf(path.join(fixtures, 'cnn.keras'));
    const edited: Graph = { ...graph, nodes: graph.nodes.map((n) => (n.name === 'dense' ? { ...n, params: { ...n.params, units: 5 } } : n)) };
    const saved = await call('weights.save', { graph: edited, target: path.join(dir, 'edited.weights.h5') });
    // dense has other units now, and dense_1 takes 5 inputs instead of 8: both start fresh.
    expect(saved).toMatchObject({ fresh: ['dense', 'dense_1'] });
  });
});
