import { useInference } from '../state/inference';
import { useGraph } from '../state/useEditor';
import { formatShape } from '../ui/format';

export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const graph = useGraph();
  const inference = useInference();
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (edge === undefined) return null;
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  const shape = inference.nodes.get(edge.source)?.outputShape ?? null;
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">Wire</h2>
      <p>
        <span className="mono">{name(edge.source)}</span> → <span className="mono">{name(edge.target)}</span>
        {edge.targetIndex > 0 ? ` (input ${edge.targetIndex + 1})` : ''}
      </p>
      <dl className="facts">
        <dt>Tensor</dt>
        <dd className="num">{shape === null ? 'unknown' : formatShape(shape)}</dd>
      </dl>
      <p className="muted">Press Delete to remove this wire.</p>
    </div>
  );
}
