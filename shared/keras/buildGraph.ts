import { failure, success, type Outcome } from '../api/outcome';
import { uniqueName } from '../graph/naming';
import { findCycle, isSequentialChain, outputNodes } from '../graph/topology';
import type { Graph, GraphEdge, GraphNode } from '../graph/types';
import type { JsonValue } from '../json';
import { getLayerDef } from '../layers/registry';
import { autoLayout } from '../layout';
import { layerParams } from './layerParams';
import type { ModelSpec, RawLayer } from './modelSpec';
import { unknownClassMessage } from './readModelConfig';

/** A model's layers wired by name (a Sequential's chained), in the graph's node order, and its outputs. */
interface Wired {
  readonly layers: readonly RawLayer[];
  readonly outputs: readonly string[];
}

/**
 * The one graph builder, whatever format the model came in: checks that the model's ends and
 * inputs name its own layers, turns each layer's config into graph params (settings it cannot
 * represent become warnings), wires the edges, refuses cycles and lays the graph out.
 */
export function buildGraph(spec: ModelSpec): Outcome<{ graph: Graph; warnings: string[] }> {
  const warnings: string[] = [];
  const wired = spec.kind === 'Sequential' ? sequentialLayers(spec.layers, warnings, spec.buildInputShape) : functionalLayers(spec);
  if (!wired.ok) return wired;
  const { layers, outputs } = wired.value;
  const ids = new Map(layers.map((l, i) => [l.name, `n${i + 1}`]));
  const built = graphNodes(layers, ids, warnings);
  if (!built.ok) return built;
  const nodes = built.value;
  const edges: GraphEdge[] = [];
  for (const layer of layers) {
    layer.inputs.forEach((source, i) => {
      edges.push({ id: `e${edges.length + 1}`, source: ids.get(source) ?? '', target: ids.get(layer.name) ?? '', targetIndex: i });
    });
  }
  let graph: Graph = { name: spec.name, nodes, edges };
  const cycle = findCycle(graph);
  if (cycle) {
    const names = cycle.map((id) => nodes.find((n) => n.id === id)?.name ?? id);
    return failure(
      `The model's layers feed each other in a cycle (${[...names, names[0] ?? ''].join(' → ')}); a Keras model must flow one way from inputs to outputs.`,
    );
  }
  // Keep what the file says where the graph's defaults would say otherwise.
  const outputIds = outputs.map((n) => ids.get(n) ?? '');
  if (
    outputNodes(graph)
      .map((n) => n.id)
      .join('\n') !== outputIds.join('\n')
  )
    graph = { ...graph, outputs: outputIds };
  // A functional model that happens to be a chain is exported as the Functional it was.
  if (spec.kind === 'Functional' && isSequentialChain(graph)) graph = { ...graph, modelClass: 'Functional' };
  return success({ graph: autoLayout(graph), warnings });
}

/** One node per layer, its params from the layer's config (settings it cannot represent go to `warnings`). */
function graphNodes(layers: readonly RawLayer[], ids: ReadonlyMap<string, string>, warnings: string[]): Outcome<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (const layer of layers) {
    const def = getLayerDef(layer.className);
    if (!def) return failure(unknownClassMessage(layer));
    const params = layerParams(layer, def, warnings);
    if (!params.ok) return params;
    nodes.push({ id: ids.get(layer.name) ?? '', kind: layer.className, name: layer.name, params: params.value, position: { x: 0, y: 0 } });
  }
  return success(nodes);
}

/**
 * A Sequential's layers chained in order, with an InputLayer in front made from the first layer's
 * batch_input_shape (tf.keras 2) or the model's build_input_shape when it has none.
 */
function sequentialLayers(layers: readonly RawLayer[], warnings: string[], modelBuildShape: JsonValue | undefined): Outcome<Wired> {
  const first = layers[0];
  if (!first) return failure('The model has no layers.');
  const misplaced = layers.slice(1).find((l) => l.className === 'InputLayer');
  if (misplaced) return failure(`InputLayer '${misplaced.name}' sits in the middle of a Sequential model; only its first layer may be an InputLayer.`);
  let all = layers;
  if (first.className !== 'InputLayer') {
    const c = first.config;
    let batchShape: JsonValue | undefined = c.batch_input_shape ?? c.batch_shape ?? c.batchInputShape ?? modelBuildShape;
    const inputShape = c.input_shape ?? c.inputShape;
    if (batchShape === undefined && Array.isArray(inputShape)) batchShape = [null, ...inputShape];
    if (!Array.isArray(batchShape)) {
      return failure(
        `The Sequential model has no InputLayer and its first layer '${first.name}' (${first.className}) has no batch_input_shape, so its input shape is unknown. Add an InputLayer (keras.Input(shape=…)) and export again.`,
      );
    }
    const name = uniqueName(
      layers.map((l) => l.name),
      'input_layer',
    );
    warnings.push(`Added InputLayer '${name}' in front of '${first.name}' from its batch_input_shape, as Keras 3 requires an explicit input.`);
    all = [{ className: 'InputLayer', name, config: { batch_shape: batchShape }, inputs: [] }, ...layers];
  }
  const chained = all.map((layer, i) => {
    const prev = all[i - 1];
    return prev ? { ...layer, inputs: [prev.name] } : layer;
  });
  return success({ layers: chained, outputs: [chained[chained.length - 1]?.name ?? ''] });
}

/** A functional model's layers, once its inputs and outputs are known to be its own layers; the InputLayers in input order. */
function functionalLayers(spec: Extract<ModelSpec, { kind: 'Functional' }>): Outcome<Wired> {
  const { layers, inputs, outputs } = spec;
  if (inputs.length === 0) return failure('The model lists no inputs ("input_layers" is empty); Keras needs at least one.');
  if (outputs.length === 0) return failure('The model lists no outputs ("output_layers" is empty); Keras needs at least one.');
  const byName = new Map(layers.map((l) => [l.name, l]));
  for (const layer of layers) {
    const missing = layer.inputs.find((source) => !byName.has(source));
    if (missing !== undefined) return failure(`Layer '${layer.name}' takes its input from '${missing}', which is not in the model's layer list.`);
  }
  for (const name of inputs) {
    if (byName.get(name)?.className !== 'InputLayer') return failure(`The model's input '${name}' is not an InputLayer in its layer list.`);
  }
  for (const name of outputs) {
    if (!byName.has(name)) return failure(`The model's output '${name}' is not in its layer list.`);
  }
  return success({ layers: inputsInOrder(layers, inputs), outputs });
}

/** Puts the InputLayers (in the slots they occupy) in the order of `input_layers`, which fixes the model's input order. */
function inputsInOrder(layers: readonly RawLayer[], inputNames: readonly string[]): RawLayer[] {
  const inputs = inputNames.flatMap((n) => layers.filter((l) => l.name === n));
  const rest = layers.filter((l) => l.className === 'InputLayer' && !inputNames.includes(l.name));
  const queue = [...inputs, ...rest];
  return layers.map((l) => (l.className === 'InputLayer' ? (queue.shift() ?? l) : l));
}
