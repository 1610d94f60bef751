import type { Graph, Shape } from '../graph/types';
import { own, type JsonObject, type JsonValue } from '../json';
import { success, type Outcome } from '../api/outcome';
import type { ExportFailure, ExportLayer, ExportPlan } from './exportPlan';
import { planExport } from './exportPlan';
import { buildConfig, float32Policy, keras3Config } from './layerConfig';

/**
 * What Keras 3's `model.to_json()` writes for this graph, loadable by
 * `keras.models.model_from_json`: Sequential (explicit InputLayer with `batch_shape`) for a single
 * chain, Functional (`__keras_tensor__` inbound nodes) otherwise. Key order follows Keras.
 */
export function exportKeras3(graph: Graph): Outcome<JsonObject, ExportFailure> {
  const planned = planExport(graph);
  if (!planned.ok) return planned;
  const plan = planned.value;
  return success(plan.modelClass === 'Sequential' ? sequential(graph, plan) : functional(graph, plan));
}

function layerEntry(layer: ExportLayer): Record<string, JsonValue> {
  const entry: Record<string, JsonValue> = {
    module: 'keras.layers',
    class_name: layer.node.kind,
    config: keras3Config(layer),
    registered_name: null,
  };
  const build = buildConfig(layer);
  if (build) entry.build_config = build;
  return entry;
}

function sequential(graph: Graph, plan: ExportPlan): JsonObject {
  const inputShape: JsonValue = [...(plan.layers[0]?.outputShape ?? [])];
  return {
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: graph.name,
      trainable: true,
      dtype: float32Policy,
      layers: plan.layers.map(layerEntry),
      build_input_shape: inputShape,
    },
    registered_name: null,
    build_config: { input_shape: inputShape },
    compile_config: {},
  };
}

/** Call keywords Keras 3.15 records in a functional config (checked against real Keras for all 30 kinds). */
const callKwargs: Readonly<Record<string, JsonObject>> = {
  BatchNormalization: { mask: null },
  Softmax: { mask: null },
  Dropout: { training: false },
  SpatialDropout2D: { training: false },
};

function kerasTensor(name: string, shape: Shape): JsonObject {
  return { class_name: '__keras_tensor__', config: { shape: [...shape], dtype: 'float32', keras_history: [name, 0, 0] } };
}

function functional(graph: Graph, plan: ExportPlan): JsonObject {
  const layers = plan.layers.map((layer) => {
    const entry = layerEntry(layer);
    entry.name = layer.node.name;
    if (layer.node.kind === 'InputLayer') {
      entry.inbound_nodes = [];
    } else {
      const tensors = layer.inputs.map((src, i) => kerasTensor(src.name, layer.inputShapes[i] ?? []));
      // Merge layers are called on a list of tensors; the others on one tensor.
      const args: JsonValue = layer.def.inputs.max > 1 ? [tensors] : tensors;
      entry.inbound_nodes = [{ args, kwargs: own(callKwargs, layer.node.kind) ?? {} }];
    }
    return entry;
  });
  const ref = (name: string): JsonValue => [name, 0, 0];
  // Keras keeps the structure the model was called with: one tensor, or a list of them.
  const refs = (names: readonly string[]): JsonValue => (names.length === 1 ? ref(names[0] ?? '') : names.map(ref));
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config: {
      name: graph.name,
      trainable: true,
      layers,
      input_layers: refs(plan.inputs.map((n) => n.name)),
      output_layers: refs(plan.outputs.map((n) => n.name)),
    },
    registered_name: 'Functional',
    build_config: { input_shape: null },
    compile_config: {},
  };
}
