import { describe, expect, it } from 'vitest';
import { buildChain } from '../graph/fromSpec';
import { defaultTraining, newProject, parseProject, parseProjectText, PROJECT_VERSION, serializeProject } from './index';

const graph = buildChain('m', [
  { name: 'input_layer', kind: 'InputLayer', params: { batch_shape: [null, 28, 28, 1] } },
  { name: 'flatten', kind: 'Flatten' },
  { name: 'dense', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);
const project = newProject(graph);
const good = JSON.parse(serializeProject(project)) as Record<string, unknown>;

describe('project file', () => {
  it('round-trips through serialize/parse without warnings', () => {
    const r = parseProjectText(serializeProject(project));
    expect(r).toEqual({ ok: true, value: { project, warnings: [] } });
    expect(serializeProject(project).endsWith('}\n')).toBe(true);
  });

  it('keeps every training setting', () => {
    const training = {
      ...defaultTraining,
      optimizer: { kind: 'sgd' as const, momentum: 0.9, nesterov: true },
      metrics: [{ kind: 'accuracy' as const }, { kind: 'top_k_accuracy' as const, k: 3 }],
      validation: 'split' as const,
      validationSplit: 0.2,
      seed: 42,
      earlyStopping: { monitor: 'val_accuracy' as const, patience: 4 },
      lrSchedule: { kind: 'plateau' as const, patience: 2, factor: 0.5 },
    };
    const p = newProject(graph, { training, dataset: { kind: 'folder', path: '/data/cats_dogs' } });
    const r = parseProjectText(serializeProject(p));
    expect(r.ok && r.value.project).toEqual(p);
  });

  it.each<[string, string, RegExp]>([
    ['truncated JSON', serializeProject(project).slice(0, 120), /ends in the middle of the JSON — it looks truncated/],
    ['empty file', '', /the file is empty/],
    ['not JSON', 'hello', /not JSON: it looks like plain text/],
    ['binary data, in one clean line', '\x89PNG\r\n\x1a\n\x00\x00', /^Cannot open the project: the file is not JSON: it looks like a PNG image\.$/],
    ['a passwd file, never echoed', 'root:x:0:0:root:/root:/bin/bash', /^Cannot open the project: the file is not JSON: it looks like plain text\.$/],
    ['bad JSON: where, not what', '{"a": 1 "root:x:0:0"}', /^Cannot open the project: the file is not valid JSON \(a syntax error at line 1, column 9\)\.$/],
    [
      'newer version',
      JSON.stringify({ ...good, version: PROJECT_VERSION + 4 }),
      new RegExp(`made by a newer Blockprop \\(version ${PROJECT_VERSION + 4}\\); update Blockprop to open it`),
    ],
    ['another format', JSON.stringify({ ...good, format: 'something-else' }), /not a Blockprop project file \(format "something-else"/],
    ['a JSON array', '[1, 2]', /holds no JSON object/],
    ['graph of the wrong type', JSON.stringify({ ...good, graph: 'oops' }), /no model graph/],
    ['nodes of the wrong type', JSON.stringify({ ...good, graph: { name: 'm', nodes: 5, edges: [] } }), /graph\.nodes' is missing or not a list/],
  ])('refuses %s with a clear message', (_l, text, message) => {
    const r = parseProjectText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('repairs wrong field types, field by field, and says so', () => {
    const broken = { ...good, training: { ...defaultTraining, batchSize: 'lots', epochs: -3, loss: 'hinge' }, dataset: { kind: 'cifar' } };
    const r = parseProject(broken);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { project: repaired, warnings } = r.value;
    expect(repaired.training).toEqual(defaultTraining);
    expect(warnings).toEqual([
      `Training setting 'loss' had an invalid value ("hinge"); using "categorical_crossentropy".`,
      `Training setting 'batchSize' had an invalid value ("lots"); using 200.`,
      `Training setting 'epochs' had an invalid value (-3); using 10.`,
      `The dataset reference was invalid ({"kind":"cifar"}); using MNIST.`,
    ]);
  });

  it('migrates an early, version-less file with snake_case settings', () => {
    const old = {
      graph: {
        name: 'old',
        nodes: [
          { id: 'a', kind: 'InputLayer', params: { batch_shape: [null, 4] } },
          { kind: 'Dense', name: 'fc', position: { x: 1, y: 2 } },
          { name: 'nokind' },
        ],
        edges: [
          { source: 'a', target: 'n1' },
          { source: 'a', target: 'ghost' },
        ],
      },
      training: { optimizer: 'SGD', lr: 0.01, batch_size: 32, metrics: ['acc'], loss: 'mean_squared_error' },
    };
    const r = parseProject(old);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { project: migrated, warnings } = r.value;
    expect(migrated.version).toBe(PROJECT_VERSION);
    expect(migrated.training).toMatchObject({
      optimizer: { kind: 'sgd', momentum: 0, nesterov: false },
      learningRate: 0.01,
      batchSize: 32,
      metrics: [{ kind: 'accuracy' }],
      loss: 'mse',
    });
    expect(migrated.graph.nodes.map((n) => [n.id, n.kind, n.name])).toEqual([
      ['a', 'InputLayer', 'input_layer'],
      ['n1', 'Dense', 'fc'],
    ]);
    expect(migrated.graph.edges).toEqual([{ id: 'e1', source: 'a', target: 'n1', targetIndex: 0 }]);
    expect(warnings).toEqual([
      "The file has no 'format' marker; read it as a Blockprop project.",
      'The project file has version null; it was upgraded to version 1.',
      "InputLayer block #1 had no name; named it 'input_layer'.",
      'Block #3 has no layer class and was left out.',
      'Wire #2 does not connect two existing blocks and was left out.',
    ]);
  });
});
