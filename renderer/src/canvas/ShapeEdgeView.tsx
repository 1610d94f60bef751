import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeEdge } from './flowTypes';

/** A wire labelled with the tensor shape it carries; dashed when the shape is unknown. */
function ShapeEdgeViewImpl(props: EdgeProps<ShapeEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
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
