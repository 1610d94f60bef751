import { failureOf, success, type Outcome } from '../api/outcome';
import type { Diagnostic } from '../diagnostics';
import { hasErrors } from '../diagnostics';
import { kerasLayerOrder } from '../graph/kerasOrder';
import { adjacency, inputNodes, modelClassOf, nodeMap, outputNodes, sequentialChain } from '../graph/topology';
import type { Graph, GraphNode, ModelClass, Shape } from '../graph/types';
import { inferGraph } from '../inference/infer';
import { hasNonFinite, previewJson } from '../json';
import { getLayerDef } from '../layers/registry';
import type { LayerDef } from '../layers/types';

/** One layer as the exporters see it: its definition, inputs (in order) and inferred shapes. */
export interface ExportLayer {
  readonly node: GraphNode;
  readonly def: LayerDef;
  readonly inputs: readonly GraphNode[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
}

/** What every exporter needs: the model class and the layers in Keras's `model.layers` order. */
export interface ExportPlan {
  readonly modelClass: ModelClass;
  /** Sequential: the chain from its InputLayer; Functional: Keras's map_graph order. */
  readonly layers: readonly ExportLayer[];
  readonly inputs: readonly GraphNode[];
  readonly outputs: readonly GraphNode[];
}

/** Why a graph cannot be exported: each problem as a diagnostic on its block, and all of them in one message, a line each. */
export interface ExportFailure {
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function exportFailure(diagnostics: readonly Diagnostic[]): { readonly ok: false; readonly error: ExportFailure } {
  return failureOf({ message: diagnostics.map((d) => d.message).join('\n'), diagnostics });
}

/** Checks the graph (an export needs every shape) and orders its layers as Keras would. */
export function planExport(graph: Graph): Outcome<ExportPlan, ExportFailure> {
  if (graph.nodes.length === 0) {
    return fail('empty-model', 'The model is empty; add an Input block and at least one layer before exporting.');
  }
  const unknown = graph.nodes.find((n) => getLayerDef(n.kind) === undefined);
  if (unknown) {
    return fail('unknown-layer', `Block '${unknown.name}' has class '${unknown.kind}', which cannot be exported; remove or replace it.`, unknown.id);
  }
  // JSON has no NaN or Infinity: an export must never write a file no JSON reader accepts.
  for (const node of graph.nodes) {
    for (const [key, value] of Object.entries(node.params)) {
      if (hasNonFinite(value)) {
        return fail(
          'not-finite',
          `Block '${node.name}' has ${key} = ${previewJson(value, 60)}, which is not a finite number; JSON cannot hold it — fix it before exporting.`,
          node.id,
        );
      }
    }
  }
  const inference = inferGraph(graph);
  const errors = inference.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(inference.diagnostics)) return exportFailure(errors);
  const inputs = inputNodes(graph);
  if (inputs.length === 0) return fail('no-input', 'The model has no Input block; add one and connect it to the first layer.');

  const modelClass = modelClassOf(graph);
  const ordered = modelClass === 'Sequential' ? sequentialChain(graph) : kerasLayerOrder(graph);
  if (!ordered) return fail('not-sequential', 'The model is not a single chain, so it cannot be written as Sequential.');
  const byId = nodeMap(graph);
  // Incoming edges per node once (inputsOf scans every edge: quadratic on big models).
  const incoming = adjacency(graph).incoming;
  const layers: ExportLayer[] = [];
  for (const node of ordered) {
    const def = getLayerDef(node.kind);
    const info = inference.nodes.get(node.id);
    const outputShape = info?.outputShape;
    if (!def || !info || !outputShape) {
      return fail('unknown-shape', `Block '${node.name}' has no known output shape; connect its inputs and fix its parameters before exporting.`, node.id);
    }
    const inputs = (incoming.get(node.id) ?? []).flatMap((e) => {
      const src = byId.get(e.source);
      return src ? [src] : [];
    });
    const inputShapes: Shape[] = [];
    for (const src of inputs) {
      const shape = inference.nodes.get(src.id)?.outputShape;
      if (!shape) return fail('unknown-shape', `Block '${src.name}' has no known output shape; fix it before exporting.`, src.id);
      inputShapes.push(shape);
    }
    layers.push({ node, def, inputs, inputShapes, outputShape });
  }
  return success({ modelClass, layers, inputs, outputs: outputNodes(graph) });
}

function fail(code: string, message: string, nodeId?: string): { readonly ok: false; readonly error: ExportFailure } {
  return exportFailure([{ severity: 'error', code, message, ...(nodeId ? { nodeId } : {}) }]);
}
