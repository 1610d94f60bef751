import { useSelection } from '../state/useEditor';
import { BlockInspector } from './BlockInspector';
import { EdgeInspector } from './EdgeInspector';
import { ModelInspector } from './ModelInspector';

/** The right panel: what is selected, in detail. */
export function Inspector() {
  const { nodes, edges } = useSelection();
  let body;
  if (nodes.length === 1 && nodes[0] !== undefined) body = <BlockInspector key={nodes[0]} nodeId={nodes[0]} />;
  else if (nodes.length > 1) body = <MultiSelection count={nodes.length} />;
  else if (edges.length === 1 && edges[0] !== undefined) body = <EdgeInspector edgeId={edges[0]} />;
  else body = <ModelInspector />;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {body}
    </aside>
  );
}

function MultiSelection({ count }: { count: number }) {
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">{count} blocks selected</h2>
      <p className="muted">C copies, D duplicates, Delete removes them. Drag any of them to move them together.</p>
    </div>
  );
}
