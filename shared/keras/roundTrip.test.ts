import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/fromSpec';
import type { Graph } from '../graph/types';
import { inferGraph } from '../inference/infer';
import { layerDefs } from '../layers/registry';
import { defaultParams } from '../layers/validateParam';
import { templates } from '../templates';
import { exportKeras2 } from './exportKeras2';
import { exportKeras3 } from './exportKeras3';
import type { Outcome } from '../api/outcome';
import type { JsonObject } from '../json';
import type { ExportFailure } from './exportPlan';
import { importModel } from './importModel';
import { essence, importFixture } from '../../tests/fixtures/keras/load';

const inputShapes = [[8, 8, 4], [16], [4, 4, 4, 2]];

/** Input(s) -> one block of this kind with its default params, on the first input shape it accepts. */
function graphForKind(kind: string, minInputs: number): Graph | null {
  if (kind === 'InputLayer') return buildGraph(`only_${kind}`, [{ name: 'input_layer', kind, params: { shape: [8, 8, 4], batch_size: null } }]);
  const def = layerDefs.find((d) => d.className === kind);
  if (!def) return null;
  for (const shape of inputShapes) {
    const count = Math.max(1, minInputs);
    const inputs = Array.from({ length: count }, (_, i) => ({
      name: i === 0 ? 'input_layer' : `input_layer_${i}`,
      kind: 'InputLayer',
      params: { shape, batch_size: null },
    }));
    const graph = buildGraph(`one_${kind}`, [...inputs, { name: 'block', kind, params: defaultParams(def), inputs: inputs.map((i) => i.name) }]);
    if (!inferGraph(graph).diagnostics.some((d) => d.severity === 'error')) return graph;
  }
  return null;
}

type Exporter = (g: Graph) => Outcome<JsonObject, ExportFailure>;

function roundTrip(graph: Graph, exporter: Exporter, format: string): void {
  const exported = exporter(graph);
  if (!exported.ok) throw new Error(`${graph.name}: ${exported.error.message}`);
  const back = importModel(JSON.parse(JSON.stringify(exported.value)));
  if (!back.ok) throw new Error(`${graph.name}: ${back.error.message}`);
  expect(back.value.format).toBe(format);
  expect(back.value.warnings).toEqual([]);
  expect(essence(back.value.graph)).toEqual(essence(graph));
}

const formats: [string, Exporter][] = [
  ['keras3', exportKeras3],
  ['keras2', exportKeras2],
];

describe('round trip graph -> JSON -> graph, every layer kind with default params', () => {
  const kinds = layerDefs.map((d) => [d.className, d.inputs.min] as const);
  it('covers the 30 kinds', () => expect(kinds.length).toBeGreaterThanOrEqual(30));
  for (const [format, exporter] of formats) {
    it.each(kinds)(`${format}: %s`, (kind, minInputs) => {
      const graph = graphForKind(kind, minInputs);
      expect(graph, `no valid test graph for ${kind}`).not.toBeNull();
      if (graph) roundTrip(graph, exporter, format);
    });
  }
});

describe('round trip with non-default params (real Keras models using all 30 kinds)', () => {
  for (const [format, exporter] of formats) {
    it.each(['all_sequential', 'all_functional', 'residual', 'inception_module'])(`${format}: %s`, (name) => {
      roundTrip(importFixture(`${name}.keras3.json`), exporter, format);
    });
  }
});

describe('round trip of every template', () => {
  for (const [format, exporter] of formats) {
    it.each(templates.map((t) => t.id))(`${format}: %s`, (id) => {
      const template = templates.find((t) => t.id === id);
      if (template) roundTrip(template.build(), exporter, format);
    });
  }
});
