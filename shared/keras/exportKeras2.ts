import type { Graph } from '../graph/types';
import type { JsonObject, JsonValue } from '../json';
import { success, type Outcome } from '../api/outcome';
import type { ExportFailure, ExportPlan } from './exportPlan';
import { exportFailure, planExport } from './exportPlan';
import type { Keras2Flavour } from './layerConfig';
import { keras2Entry, tfjsProblem } from './layerConfig';

/** The tf.keras version whose format we write (list-form inbound nodes, `Functional`). */
export const keras2Version = '2.12.0';

/**
 * tf.keras 2 `model.to_json()` format: `{class_name, config, keras_version, backend}` with
 * `batch_input_shape`, dtype strings, `{class_name, config}` initializers and list-form inbound
 * nodes `[[["layer", 0, 0, {}]]]`. Loads in tf.keras 2.x and Keras 3's legacy loader.
 */
export function exportKeras2(graph: Graph): Outcome<JsonObject, ExportFailure> {
  return exportKeras2Flavour(graph, 'keras2');
}

/**
 * The same for `tf.models.modelFromJSON` of TensorFlow.js layers 4.22. It differs from
 * {@link exportKeras2} only where TF.js does, always with an exact equivalent: L1 / L2
 * regularizers as `L1L2` (the only one TF.js registers), SpatialDropout2D as Dropout with
 * noise_shape (None, 1, 1, C), Global*Pooling2D(keepdims=True) as *Pooling2D over the whole
 * image, activation 'silu' as 'swish', Reshape's -1 as the size it stands for. Activity
 * regularizers, which TF.js cannot run, are refused with a diagnostic. Subtract, which TF.js
 * lacks, becomes Add([a, Rescaling(-1)(b)]): the Add keeps the Subtract's name, the Rescaling is
 * '<name>_negated' (no weights). Use this to build TF.js models.
 */
export function exportTfjsTopology(graph: Graph): Outcome<JsonObject, ExportFailure> {
  return exportKeras2Flavour(graph, 'tfjs');
}

function exportKeras2Flavour(graph: Graph, flavour: Keras2Flavour): Outcome<JsonObject, ExportFailure> {
  const planned = planExport(graph);
  if (!planned.ok) return planned;
  const plan = planned.value;
  if (flavour === 'tfjs') {
    const diagnostics = plan.layers.flatMap((layer) => {
      const message = tfjsProblem(layer);
      return message ? [{ severity: 'error' as const, code: 'tfjs-unsupported', message, nodeId: layer.node.id }] : [];
    });
    if (diagnostics.length > 0) return exportFailure(diagnostics);
  }
  const json: JsonObject = {
    class_name: plan.modelClass === 'Sequential' ? 'Sequential' : 'Functional',
    config: plan.modelClass === 'Sequential' ? sequentialConfig(graph, plan, flavour) : functionalConfig(graph, plan, flavour),
    keras_version: keras2Version,
    backend: 'tensorflow',
  };
  return success(json);
}

function sequentialConfig(graph: Graph, plan: ExportPlan, flavour: Keras2Flavour): JsonObject {
  return {
    name: graph.name,
    layers: plan.layers.map((layer) => {
      const { className, config } = keras2Entry(layer, flavour);
      return { class_name: className, config };
    }),
  };
}

function functionalConfig(graph: Graph, plan: ExportPlan, flavour: Keras2Flavour): JsonObject {
  const taken = new Set(graph.nodes.map((n) => n.name));
  const layers = plan.layers.flatMap((layer): JsonObject[] => {
    const inbound = (names: readonly string[]): JsonValue => (names.length === 0 ? [] : [names.map((n): JsonValue => [n, 0, 0, {}])]);
    const sources = layer.inputs.map((src) => src.name);
    const [a, b] = sources;
    if (flavour === 'tfjs' && layer.node.kind === 'Subtract' && a !== undefined && b !== undefined) {
      // TF.js has no Subtract layer; a - b is exactly Add([a, Rescaling(-1)(b)]) under the same name.
      let negated = `${layer.node.name}_negated`;
      while (taken.has(negated)) negated = `${negated}_`;
      taken.add(negated);
      const base = { trainable: true, dtype: 'float32' };
      return [
        { class_name: 'Rescaling', config: { name: negated, ...base, scale: -1, offset: 0 }, name: negated, inbound_nodes: inbound([b]) },
        { class_name: 'Add', config: { name: layer.node.name, ...base }, name: layer.node.name, inbound_nodes: inbound([a, negated]) },
      ];
    }
    const { className, config } = keras2Entry(layer, flavour);
    return [{ class_name: className, config, name: layer.node.name, inbound_nodes: inbound(sources) }];
  });
  return {
    name: graph.name,
    layers,
    input_layers: plan.inputs.map((n) => [n.name, 0, 0]),
    output_layers: plan.outputs.map((n) => [n.name, 0, 0]),
  };
}
