import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kerasLayerOrder } from '../graph/kerasOrder';
import { inputsOf, modelClassOf } from '../graph/topology';
import type { Graph, GraphNode } from '../graph/types';
import type { JsonValue } from '../json';
import { getLayerDef } from '../layers/registry';
import { layersFixture, summaryFixture } from './applicationFixtures.test-util';
import { getTemplate, templates } from './index';

/*
 * Every template against what real Keras 3.15 builds for it (tests/fixtures/applications/, made
 * by building the same models in Keras — keras.applications.*(weights=None) for the big ones —
 * and dumping model.to_json() and the model.layers summary). Here: names, classes, order, wiring
 * and every parameter value; the shape and parameter-count side is in summary.test.ts.
 */

function fixture<T>(schema: z.ZodType<T>, file: string): T {
  return schema.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/applications/${file}`, import.meta.url), 'utf8')));
}

/** Keras writes initializers/regularizers with module and registered_name; graph params leave them out. */
function strip(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'module' && k !== 'registered_name') out[k] = strip(v);
    return out;
  }
  return value;
}

interface KerasLayer {
  readonly name: string;
  readonly className: string;
  readonly config: Record<string, JsonValue>;
  readonly inbound: readonly string[];
}

function kerasLayers(id: string): { modelClass: string; name: string; layers: KerasLayer[] } {
  const f = fixture(layersFixture, `${id}.layers.json`);
  const layers = f.layers.map(([name, className, diff, inbound], i): KerasLayer => {
    const config = { ...(f.base[className] ?? {}), ...diff };
    // Sequential configs carry no inbound nodes: each layer reads the one before it.
    const prev = f.layers[i - 1];
    const from = f.class_name === 'Sequential' && prev ? [prev[0]] : inbound;
    return { name, className, config, inbound: from };
  });
  return { modelClass: f.class_name, name: f.name, layers };
}

const ids = templates.map((t) => t.id);

describe('template list', () => {
  it('has the 13 contract ids, each once, with a one-line description', () => {
    expect([...ids].sort()).toEqual([
      'cnn_64_5x5',
      'fc_200_200',
      'fc_tf_mnist',
      'inception_module',
      'inception_v3',
      'keras_cnn',
      'lenet5',
      'mobilenet',
      'residual_block',
      'resnet50',
      'vgg16',
      'vgg16_cats_dogs',
      'vgg19',
    ]);
    for (const t of templates) {
      expect(t.description.length, t.id).toBeGreaterThan(20);
      expect(t.description, t.id).not.toMatch(/\n/);
      expect(t.title.length, t.id).toBeGreaterThan(2);
      expect(getTemplate(t.id)).toBe(t);
    }
    expect(getTemplate('nope')).toBeUndefined();
  });

  it("carries the chapter's reported accuracies for its five models", () => {
    const reported = Object.fromEntries(templates.flatMap((t) => (t.chapter ? [[t.id, t.chapter.reportedAccuracy]] : [])));
    expect(reported).toEqual({ fc_tf_mnist: 92.0, keras_cnn: 99.06, cnn_64_5x5: 98.9, fc_200_200: 98.26, vgg16_cats_dogs: 78.38 });
    expect(getTemplate('fc_200_200')?.chapter?.note).toContain('98.04');
    expect(getTemplate('vgg16_cats_dogs')?.chapter?.split).toBe('validation');
  });

  it('builds a fresh graph each call', () => {
    const t = getTemplate('keras_cnn');
    expect(t?.build()).not.toBe(t?.build());
    expect(t?.build()).toEqual(t?.build());
  });
});

describe.each(ids)('template %s matches real Keras', (id) => {
  const template = getTemplate(id);
  if (!template) throw new Error(id);
  const graph: Graph = template.build();
  const keras = kerasLayers(id);
  const summary = fixture(summaryFixture, `${id}.summary.json`);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));

  it('expected totals agree with Keras', () => {
    expect(template.expectedTotalParams).toBe(summary.total_params);
    expect(template.expectedTrainableParams).toBe(summary.trainable_params);
  });

  it('has the same layers, classes and model class', () => {
    expect(modelClassOf(graph)).toBe(keras.modelClass);
    expect(graph.nodes.map((n) => [n.name, n.kind]).sort()).toEqual(keras.layers.map((l) => [l.name, l.className]).sort());
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
  });

  it('lists them in Keras model.layers order', () => {
    const order = keras.modelClass === 'Sequential' ? graph.nodes.filter((n) => n.kind !== 'InputLayer') : kerasLayerOrder(graph);
    expect(order.map((n) => n.name)).toEqual(summary.layers.map((l) => l.name));
  });

  it('wires every layer to the same inputs, in order', () => {
    for (const layer of keras.layers) {
      const node = byName.get(layer.name);
      const inputs = node ? inputsOf(graph, node.id).map((e) => graph.nodes.find((n) => n.id === e.source)?.name) : [];
      expect(inputs, layer.name).toEqual(layer.inbound);
    }
  });

  it('sets every parameter to the value in the Keras config', () => {
    for (const layer of keras.layers) {
      const node = byName.get(layer.name);
      expect(node, layer.name).toBeDefined();
      if (!node) continue;
      for (const [key, value] of Object.entries(node.params)) {
        const kerasValue = paramFromConfig(node, key, layer.config);
        if (kerasValue === undefined) continue;
        expect(value, `${layer.name}.${key}`).toEqual(kerasValue);
      }
    }
  });

  it('uses only parameters the layer catalog knows, and all of them', () => {
    for (const node of graph.nodes) {
      const def = getLayerDef(node.kind);
      expect(def, node.kind).toBeDefined();
      expect(Object.keys(node.params).sort(), node.name).toEqual((def?.params ?? []).map((p) => p.name).sort());
    }
  });

  it('gives every layer the parameter count Keras reports', () => {
    const shapeOf = new Map(summary.layers.map((l) => [l.name, l.output_shape]));
    const input = keras.layers[0];
    if (input?.className === 'InputLayer') shapeOf.set(input.name, z.array(z.number().nullable()).parse(input.config.batch_shape));
    for (const layer of summary.layers) {
      const node = byName.get(layer.name);
      const source = keras.layers.find((l) => l.name === layer.name)?.inbound[0];
      const inShape = source ? shapeOf.get(source) : undefined;
      if (!node || !inShape) continue;
      expect(countParams(node, inShape), layer.name).toBe(layer.params);
    }
  });
});

/** The Keras config value for a graph param, or undefined where the config has no such key. */
function paramFromConfig(node: GraphNode, key: string, config: Record<string, JsonValue>): JsonValue | undefined {
  if (node.kind === 'InputLayer' && key === 'shape') {
    const batchShape = config.batch_shape;
    return Array.isArray(batchShape) ? batchShape.slice(1) : undefined;
  }
  const value = config[key];
  return value === undefined ? undefined : strip(value);
}

/**
 * Weights per layer from the template's own params and the input shape Keras reports, for the
 * classes the templates use (independent of the layer catalog, so a wrong template param shows here).
 */
function countParams(node: GraphNode, inShape: readonly (number | null)[]): number {
  const p = node.params;
  const channels = Number(inShape[inShape.length - 1] ?? 0);
  const num = (k: string) => Number(p[k] ?? 0);
  const kernel = Array.isArray(p.kernel_size) ? p.kernel_size.reduce<number>((a, b) => a * Number(b), 1) : 0;
  const bias = p.use_bias === false ? 0 : 1;
  switch (node.kind) {
    case 'Conv2D':
      return kernel * channels * num('filters') + bias * num('filters');
    case 'DepthwiseConv2D':
      return kernel * channels * num('depth_multiplier') + bias * channels * num('depth_multiplier');
    case 'Dense':
      return channels * num('units') + bias * num('units');
    case 'BatchNormalization':
      return channels * (2 + (p.scale === false ? 0 : 1) + (p.center === false ? 0 : 1));
    default:
      return 0;
  }
}
