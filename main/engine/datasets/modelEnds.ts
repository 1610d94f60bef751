import type { Graph } from '../../../shared/graph/types';
import { inputNodes, outputNodes } from '../../../shared/graph/topology';
import { inferGraph } from '../../../shared/inference/infer';
import { appliedActivation } from '../../../shared/layers/activationParam';
import type { DataFacts, ModelEnds } from './mismatch';
import type { LoadedDataset } from './types';

/** The graph's single Input and output as the model-vs-data checks see them; null for multi-input/output or unfinished graphs. */
export function modelEndsOf(graph: Graph): ModelEnds | null {
  const ins = inputNodes(graph);
  const outs = graph.outputs ? graph.nodes.filter((n) => graph.outputs?.includes(n.id)) : outputNodes(graph);
  const input = ins[0];
  const output = outs[0];
  if (ins.length !== 1 || outs.length !== 1 || !input || !output) return null;
  const inference = inferGraph(graph);
  const inShape = inference.nodes.get(input.id)?.outputShape;
  const outShape = inference.nodes.get(output.id)?.outputShape;
  if (!inShape || !outShape) return null;
  const activation = appliedActivation(output.kind, output.params);
  return {
    input: { name: input.name, nodeId: input.id, shape: inShape.slice(1) },
    output: { name: output.name, kind: output.kind, nodeId: output.id, shape: outShape.slice(1), ...(activation !== undefined ? { activation } : {}) },
  };
}

/** What the checks need to know about loaded data (folders: the size the images were resized from is not kept, so null). */
export function dataFactsOf(dataset: LoadedDataset): DataFacts {
  return {
    title: dataset.title,
    imageShape: dataset.kind === 'folder' ? null : [28, 28, 1],
    resizable: dataset.kind === 'folder',
    classNames: dataset.classNames,
  };
}
