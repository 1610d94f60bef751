import type { Graph } from '../../../shared/graph/types';
import { getLayerDef } from '../../../shared/layers/registry';
import type { Inference } from '../../../shared/inference/infer';
import { formatCount, formatShape } from '../../../shared/format';
import type { BlockFace } from './diagramSvg';

/** The faces and wire labels the diagram export draws, from the graph and its inference. */
export function diagramFacts(graph: Graph, inference: Inference): { faces: Map<string, BlockFace>; edgeLabels: Map<string, string | null> } {
  const faces = new Map<string, BlockFace>();
  for (const n of graph.nodes) {
    const def = getLayerDef(n.kind);
    const info = inference.nodes.get(n.id);
    const mine = inference.diagnostics.filter((d) => d.nodeId === n.id);
    let detail = '';
    try { detail = def?.describe(n.params) ?? ''; } catch { detail = ''; }
    faces.set(n.id, {
      kind: n.kind,
      name: n.name,
      family: def?.family ?? 'unknown',
      detail,
      params: info === undefined ? '' : formatCount(info.params.trainable + info.params.nonTrainable),
      severity: mine.some((d) => d.severity === 'error') ? 'error' : mine.some((d) => d.severity === 'warning') ? 'warning' : null,
    });
  }
  const edgeLabels = new Map<string, string | null>();
  for (const e of graph.edges) {
    const shape = inference.nodes.get(e.source)?.outputShape ?? null;
    edgeLabels.set(e.id, shape === null ? null : formatShape(shape));
  }
  return { faces, edgeLabels };
}
