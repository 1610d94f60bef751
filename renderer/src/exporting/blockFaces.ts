import type { Graph } from '../../../shared/graph/types';
import { getLayerDef } from '../../../shared/layers/registry';
import type { Inference } from '../../../shared/inference/infer';
import { formatCount, formatShape } from '../../../shared/format';
import { describeSafely, diagnosticsByNode, worstSeverity } from '../blocks/blockFacts';
import type { BlockFace } from './diagramSvg';

/** The faces and wire labels the diagram export draws, from the graph and its inference. */
export function diagramFacts(graph: Graph, inference: Inference): { faces: Map<string, BlockFace>; edgeLabels: Map<string, string | null> } {
  const faces = new Map<string, BlockFace>();
  const byNode = diagnosticsByNode(inference.diagnostics);
  for (const n of graph.nodes) {
    const def = getLayerDef(n.kind);
    const info = inference.nodes.get(n.id);
    faces.set(n.id, {
      kind: n.kind,
      name: n.name,
      family: def?.family ?? 'unknown',
      detail: def === undefined ? '' : describeSafely(n, def),
      params: info === undefined ? '' : formatCount(info.params.trainable + info.params.nonTrainable),
      severity: worstSeverity(byNode.get(n.id) ?? []),
    });
  }
  const edgeLabels = new Map<string, string | null>();
  for (const e of graph.edges) {
    const shape = inference.nodes.get(e.source)?.outputShape ?? null;
    edgeLabels.set(e.id, shape === null ? null : formatShape(shape));
  }
  return { faces, edgeLabels };
}
