import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatCount } from '../ui/format';
import { sourceHandleId, targetHandleId, type FrameNode, type GroupNode } from './flowTypes';
import { setExpanded } from './groupState';

/**
 * A collapsed group (a ResNet stage, an Inception module, the stem): its name, what is inside, the
 * shape it outputs and its parameters. A click opens it in place (Canvas's onNodeClick); Shift+click everything inside.
 */
function GroupNodeViewImpl({ data, selected }: NodeProps<GroupNode>) {
  return (
    <div
      className={`block group-block family-${data.family}${selected ? ' is-selected' : ''}`}
      data-testid="group-block"
      data-group={data.label}
      title={`${data.label}: ${data.summary}. Click to expand (Shift+click: everything inside).`}
    >
      <Handle type="target" id={targetHandleId(0)} position={Position.Top} isConnectable={false} />
      <div className="block-stripe" />
      <div className="block-body">
        <div className="block-row">
          <span className="block-kind group-label">▸ {data.label}</span>
          <span className="block-params num" data-testid="group-params" title="Parameters">
            {formatCount(data.paramCount)}
          </span>
        </div>
        <div className="block-name">{data.summary}</div>
        <div className="block-detail num" data-testid="group-shape">
          {data.shape ?? 'shape unknown'}
        </div>
      </div>
      <Handle type="source" id={sourceHandleId} position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

/** The frame around an expanded group, with its name and a button that folds it back. */
function FrameNodeViewImpl({ data }: NodeProps<FrameNode>) {
  return (
    <div className={`group-frame depth-${data.depth}`} style={{ width: data.width, height: data.height }} data-testid="group-frame" data-group={data.label}>
      <button
        type="button"
        className="group-frame-title nodrag"
        onClick={() => setExpanded([data.groupId, ...data.children], false)}
        title="Collapse"
        data-testid="group-collapse"
      >
        ▾ {data.label}{' '}
        <span className="muted">
          · {data.summary} · {data.shape ?? ''}
        </span>
      </button>
    </div>
  );
}

export const GroupNodeView = memo(GroupNodeViewImpl);
export const FrameNodeView = memo(FrameNodeViewImpl);
