import { countProblems } from '../../../../shared/diagnostics';
import { editor } from '../../state/editorStore';
import { listedProblems, useInference } from '../../state/inference';
import { useGraph } from '../../state/useEditor';
import { DiagnosticList } from '../../ui/DiagnosticList';

/** Every diagnostic of the model; clicking one selects its block and centres the canvas on it. */
export function ProblemsTab() {
  const graph = useGraph();
  const inference = useInference();
  const list = listedProblems(inference);
  if (graph.nodes.length === 0) return <p className="empty-state">Problems with the model (wrong shapes, missing inputs, likely mistakes) are listed here.</p>;
  if (list.length === 0)
    return (
      <p className="empty-state" data-testid="no-problems">
        No problems: Keras would build this model.
      </p>
    );
  return (
    <DiagnosticList
      diagnostics={list}
      onPick={(d) => {
        if (d.nodeId !== undefined) editor.focusNode(d.nodeId);
      }}
    />
  );
}

export function ProblemsBadge() {
  const inference = useInference();
  const { errors, warnings } = countProblems(listedProblems(inference));
  if (errors + warnings === 0) return null;
  return (
    <span className={`tab-badge ${errors > 0 ? 'sev-error' : 'sev-warning'}`} data-testid="problems-count">
      {errors + warnings}
    </span>
  );
}
