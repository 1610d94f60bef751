import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeEdge } from './flowTypes';

/** A wire labelled with the tensor shape it carries; dashed when the shape is unknown. */
function ShapeEdgeViewImpl(props: EdgeProps<ShapeEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const at = data?.labelAt ?? 0.5;
  const [labelX, labelY] = at === 0.5 ? [midX, midY] : bezierPoint(sourceX, sourceY, targetX, targetY, at);
  const shape = data?.shape ?? null;
  const classes = ['wire'];
  if (shape === null) classes.push('unknown');
  if (data?.onPath === true) classes.push('on-path');
  if (selected === true) classes.push('is-selected');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} interactionWidth={16} />
      {shape !== null && (
        <EdgeLabelRenderer>
          <div
            className={`wire-label num${data?.onPath === true ? ' on-path' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-shape"
          >
            {shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ShapeEdgeView = memo(ShapeEdgeViewImpl);

/**
 * A point on React Flow's default bezier from a bottom socket to a top socket: control points
 * straight below the source and above the target, offset as xyflow's calculateControlOffset does.
 */
function bezierPoint(sx: number, sy: number, tx: number, ty: number, t: number): [number, number] {
  const d = ty - sy;
  const offset = d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d);
  const u = 1 - t;
  const y = u * u * u * sy + 3 * u * u * t * (sy + offset) + 3 * u * t * t * (ty - offset) + t * t * t * ty;
  const x = u * u * u * sx + 3 * u * u * t * sx + 3 * u * t * t * tx + t * t * t * tx;
  return [x, y];
}
