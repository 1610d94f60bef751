import { memo } from 'react';
import type { Graph } from '../../../shared/graph/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../shared/layout';
import { getLayerDef } from '../../../shared/layers/registry';

/** A tiny picture of a graph: one bar per block in its family colour, lines for wires. */
function TemplateThumbnailImpl({ graph }: { graph: Graph }) {
  if (graph.nodes.length === 0) return <svg className="thumb" viewBox="0 0 10 10" />;
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) - minX + NODE_WIDTH;
  const h = Math.max(...ys) - minY + NODE_HEIGHT;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const pad = Math.max(w, h) * 0.04;
  return (
    <svg className="thumb" viewBox={`${minX - pad} ${minY - pad} ${w + 2 * pad} ${h + 2 * pad}`} preserveAspectRatio="xMidYMid meet" aria-hidden>
      {graph.edges.map((e) => {
        const s = byId.get(e.source);
        const t = byId.get(e.target);
        if (s === undefined || t === undefined) return null;
        return (
          <line
            key={e.id}
            x1={s.position.x + NODE_WIDTH / 2}
            y1={s.position.y + NODE_HEIGHT}
            x2={t.position.x + NODE_WIDTH / 2}
            y2={t.position.y}
            className="thumb-wire"
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
      {graph.nodes.map((n) => (
        <rect
          key={n.id}
          x={n.position.x}
          y={n.position.y}
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={14}
          className={`thumb-block family-${getLayerDef(n.kind)?.family ?? 'unknown'}`}
        />
      ))}
    </svg>
  );
}

export const TemplateThumbnail = memo(TemplateThumbnailImpl);
