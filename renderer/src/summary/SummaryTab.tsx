import { useMemo } from 'react';
import { formatSummary, summaryModel } from '../../../shared/summary';
import { editor } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { useGraph } from '../state/useEditor';
import { formatBytes, formatCount, formatShape } from '../ui/format';
import { showToast } from '../ui/toasts';

/** Keras's model.summary(), live: click a row to select its block. */
export function SummaryTab() {
  const graph = useGraph();
  // The canvas already inferred this graph; the summary reuses that instead of inferring again.
  const model = useMemo(() => summaryModel(graph, { inference: inferenceOf(graph) }), [graph]);
  if (graph.nodes.length === 0)
    return (
      <p className="empty-state">The summary appears here as you add blocks: every layer with its output shape and parameter count, as Keras prints it.</p>
    );
  const connected = model.modelClass === 'Functional' && !model.sequentialLike;
  const total = model.trainable + model.nonTrainable;
  const copy = () => {
    void navigator.clipboard.writeText(formatSummary(graph)).then(
      () => showToast('Summary copied as text'),
      () => showToast('The clipboard is not available here', 'error'),
    );
  };
  return (
    <div className="summary" data-testid="summary">
      <div className="summary-head">
        <span>
          Model: <span className="mono">"{model.name}"</span> <span className="muted">({model.modelClass})</span>
        </span>
        <button type="button" className="btn small" onClick={copy}>
          Copy as text
        </button>
      </div>
      <table className="summary-table num">
        <thead>
          <tr>
            <th>Layer (type)</th>
            <th>Output Shape</th>
            <th className="right">Param #</th>
            {connected && <th>Connected to</th>}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.node.id} onClick={() => editor.focusNode(r.node.id)} data-testid="summary-row">
              <td className="mono">
                {r.node.name} ({r.node.kind})
              </td>
              <td>{r.outputShape === null ? '?' : formatShape(r.outputShape)}</td>
              <td className="right">{formatCount(r.params)}</td>
              {connected && <td className="mono">{r.connectedTo.length === 0 ? '-' : r.connectedTo.join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="summary-totals">
        <div data-testid="total-params">
          <b>Total params:</b> {formatCount(total)} ({formatBytes(total * 4)})
        </div>
        <div>
          <b>Trainable params:</b> {formatCount(model.trainable)} ({formatBytes(model.trainable * 4)})
        </div>
        <div>
          <b>Non-trainable params:</b> {formatCount(model.nonTrainable)} ({formatBytes(model.nonTrainable * 4)})
        </div>
      </div>
    </div>
  );
}
