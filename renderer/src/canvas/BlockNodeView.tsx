import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCount } from '../ui/format';
import './frozen.css';
import { sourceHandleId, targetHandleId, type BlockNode } from './flowTypes';

function socketLeft(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

/** One layer on the canvas: family stripe, Keras class, layer name, key parameters, parameter count. */
function BlockNodeViewImpl({ data, selected }: NodeProps<BlockNode>) {
  const classes = ['block', `family-${data.family}`];
  if (selected) classes.push('is-selected');
  if (data.severity !== null) classes.push(`has-${data.severity}`);
  if (data.onPath) classes.push('on-path');
  if (data.dimmed) classes.push('dimmed');
  if (data.frozen === true) classes.push('frozen');
  const tip = data.problems.join('\n');
  return (
    <div className={classes.join(' ')} data-testid="block" data-name={data.name} data-kind={data.kind} data-severity={data.severity ?? ''}>
      {Array.from({ length: data.sockets }, (_, i) => (
        <Handle
          key={i}
          type="target"
          id={targetHandleId(i)}
          position={Position.Top}
          style={{ left: socketLeft(i, data.sockets) }}
          data-testid={`socket-in-${i}`}
        />
      ))}
      <div className="block-stripe" />
      <div className="block-body">
        <div className="block-row">
          <span className="block-kind">{data.kind}</span>
          {data.frozen === true && (
            <span className="block-frozen" title="Frozen (trainable = false): training keeps its weights" data-testid="block-frozen">
              frozen
            </span>
          )}
          <span className="block-params num" data-testid="block-params" title="Parameters">
            {data.paramCount === null ? '' : formatCount(data.paramCount)}
          </span>
        </div>
        <div className="block-name" title={data.name}>
          {data.name}
        </div>
        {data.detail !== '' && (
          <div className="block-detail" title={data.detail}>
            {data.detail}
          </div>
        )}
      </div>
      {data.severity !== null && (
        <div className={`block-badge badge-${data.severity}`} title={tip} data-testid="block-problem" aria-label={tip} role="img">
          {data.severity === 'error' ? '!' : '▲'}
        </div>
      )}
      <Handle type="source" id={sourceHandleId} position={Position.Bottom} data-testid="socket-out" />
    </div>
  );
}

export const BlockNodeView = memo(BlockNodeViewImpl);
