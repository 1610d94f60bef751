import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inference/infer';
import { exportKeras3 } from './exportKeras3';
import { importModel } from './importModel';
import { essence, importFixture, readFixture } from '../../tests/fixtures/keras/load';

/** Real Keras 3.15 `model.to_json()` files (tests/keras-check/gen_fixtures.py and the chapter examples). */
const realKeras = ['keras_cnn', 'inception_module', 'all_sequential', 'all_functional', 'residual'];

describe('exportKeras3 reproduces real Keras 3 to_json()', () => {
  it.each(realKeras)('%s: import then export deep-equals the Keras file', (name) => {
    const graph = importFixture(`${name}.keras3.json`);
    const exported = exportKeras3(graph);
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value).toEqual(readFixture(`${name}.keras3.json`));
  });

  it.each(realKeras)('%s: the imported graph has the parameter counts Keras printed', (name) => {
    const summary = readFixture(`${name}.summary.json`);
    const inference = inferGraph(importFixture(`${name}.keras3.json`));
    expect(inference.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(inference.totals.total).toBe((summary as { total_params: number }).total_params);
  });

  it.each(realKeras)('%s: graph -> Keras 3 -> graph keeps every name and parameter', (name) => {
    const graph = importFixture(`${name}.keras3.json`);
    const exported = exportKeras3(graph);
    if (!exported.ok) throw new Error('export failed');
    const back = importModel(exported.value);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.format).toBe('keras3');
    expect(back.value.warnings).toEqual([]);
    expect(essence(back.value.graph)).toEqual(essence(graph));
  });
});

describe('exportKeras3 structure', () => {
  it('writes a chain as Sequential with an explicit InputLayer and top-level module (Keras 3 traps)', () => {
    const exported = exportKeras3(importFixture('keras_cnn.keras3.json'));
    if (!exported.ok) throw new Error('export failed');
    const json = exported.value as { module: string; class_name: string; config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    expect(json.module).toBe('keras');
    expect(json.class_name).toBe('Sequential');
    expect(json.config.layers[0]?.class_name).toBe('InputLayer');
    expect(json.config.layers[0]?.config.batch_shape).toEqual([null, 28, 28, 1]);
    expect(json.config.layers.some((l) => 'batch_input_shape' in l.config)).toBe(false);
  });

  it('refuses a graph with errors, with the inference diagnostics', () => {
    const graph = importFixture('keras_cnn.keras3.json');
    const broken = { ...graph, edges: graph.edges.slice(1) };
    const exported = exportKeras3(broken);
    expect(exported.ok).toBe(false);
    if (!exported.ok) expect(exported.error.diagnostics.length).toBeGreaterThan(0);
  });

  it('refuses an empty graph with a message', () => {
    const exported = exportKeras3({ name: 'm', nodes: [], edges: [] });
    expect(exported).toMatchObject({ ok: false, error: { diagnostics: [{ code: 'empty-model' }] } });
  });
});

describe('Keras .h5 model_config (what Keras 3.15 model.save("x.h5") stores)', () => {
  it.each(['all_sequential', 'all_functional', 'residual'])('%s: imports to the same model as its to_json()', (name) => {
    const result = importModel(readFixture(`${name}.h5config.json`));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.format).toBe('keras3');
    expect(result.value.warnings).toEqual([]);
    const exported = exportKeras3(result.value.graph);
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value).toEqual(readFixture(`${name}.keras3.json`));
  });
});
