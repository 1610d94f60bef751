import { countProblems } from '../../../shared/diagnostics';
import { editor } from '../state/editorStore';
import { listedProblems, useInference } from '../state/inference';
import { useGraph } from '../state/useEditor';
import { formatCount } from '../ui/format';

/** Nothing selected: the model as a whole, and how to get started. */
export function ModelInspector() {
  const graph = useGraph();
  const inference = useInference();
  const { errors, warnings } = countProblems(listedProblems(inference));
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">
        Model{' '}
        <span className="mono" data-testid="model-name">
          {graph.name}
        </span>
      </h2>
      <dl className="facts">
        <dt>Layers</dt>
        <dd className="num">{formatCount(graph.nodes.length)}</dd>
        <dt>Total params</dt>
        <dd className="num" data-testid="model-total">
          {formatCount(inference.totals.total)}
        </dd>
        <dt>Trainable</dt>
        <dd className="num">{formatCount(inference.totals.trainable)}</dd>
        <dt>Problems</dt>
        <dd className="num" data-testid="model-problems">
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </dd>
      </dl>
      <p className="muted">
        Select a block to edit its parameters. Drag blocks from the palette, then wire an output socket (bottom) to an input socket (top). <kbd>A</kbd> lays the
        graph out, <kbd>F</kbd> fits it on screen.
      </p>
      {graph.nodes.length > 0 && (
        <button type="button" className="btn" onClick={() => editor.select({ nodes: graph.nodes.map((n) => n.id), edges: [] })}>
          Select all
        </button>
      )}
    </div>
  );
}
