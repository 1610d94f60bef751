import { useMemo } from 'react';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { getLayerDef } from '../../../shared/layers/registry';
import type { ParamSpec } from '../../../shared/layers/types';
import { renameBlock, setBlockParam } from '../actions/graphActions';
import { useInference } from '../state/inference';
import { useGraph } from '../state/useEditor';
import { formatCount, formatShape } from '../ui/format';
import { useDraftField } from '../ui/useDraftField';
import { FieldMessage } from '../ui/FieldMessage';
import { DiagnosticList } from '../ui/DiagnosticList';
import { TrainableSection } from './TrainableSection';
import { ParamField } from './fields/ParamField';

/** One block: name, parameters (key first, advanced folded), explanation, shape, count, problems. */
export function BlockInspector({ nodeId }: { nodeId: string }) {
  const graph = useGraph();
  const inference = useInference();
  const node = graph.nodes.find((n) => n.id === nodeId);
  const def = node === undefined ? undefined : getLayerDef(node.kind);
  const info = inference.nodes.get(nodeId);
  const diagnostics = useMemo(() => inference.diagnostics.filter((d) => d.nodeId === nodeId), [inference, nodeId]);
  if (node === undefined) return null;
  const problemFor = (spec: ParamSpec) => diagnostics.find((d) => d.param === spec.name && d.severity === 'error')?.message;
  const specs = def?.params ?? [];
  const main = [...specs.filter((s) => s.key === true), ...specs.filter((s) => s.key !== true && s.advanced !== true)];
  const advanced = specs.filter((s) => s.advanced === true && s.key !== true);
  const field = (spec: ParamSpec) => (
    <ParamField
      key={`${nodeId}.${spec.name}`}
      id={`param-${nodeId}-${spec.name}`}
      spec={spec}
      value={node.params[spec.name] ?? spec.default}
      problem={problemFor(spec)}
      onCommit={(v) => setBlockParam(nodeId, spec.name, v)}
    />
  );
  return (
    <div className="inspector-block" data-testid="block-inspector">
      <div className="inspector-section">
        <div className="inspector-kind">
          <span className={`family-swatch family-${def?.family ?? 'unknown'}`} aria-hidden />
          {node.kind}
        </div>
        <NameField nodeId={nodeId} name={node.name} />
        <dl className="facts">
          <dt>Output shape</dt>
          <dd className="num" data-testid="inspector-shape">
            {info?.outputShape == null ? '—' : formatShape(info.outputShape)}
          </dd>
          <dt>Parameters</dt>
          <dd className="num" data-testid="inspector-params">
            {info === undefined ? '—' : formatCount(info.params.trainable + info.params.nonTrainable)}
            {info !== undefined && info.params.nonTrainable > 0 && <span className="muted"> ({formatCount(info.params.nonTrainable)} non-trainable)</span>}
          </dd>
        </dl>
        <DiagnosticList diagnostics={diagnostics} />
      </div>
      {def === undefined ? (
        <p className="inspector-section muted">Blockprop does not know the Keras class “{node.kind}”.</p>
      ) : (
        <>
          <div className="inspector-section fields">{main.map(field)}</div>
          {advanced.length > 0 && (
            <details className="inspector-section advanced">
              <summary>Advanced ({advanced.length})</summary>
              <div className="fields">{advanced.map(field)}</div>
            </details>
          )}
          <TrainableSection nodeId={nodeId} hasWeights={(info?.weights.length ?? 0) > 0} />
          <div className="inspector-section">
            <h3 className="inspector-subtitle">What it does</h3>
            <p className="explanation" data-testid="explanation">
              {def.explanation}
            </p>
          </div>
        </>
      )}
    </div>
  );
}

/** A layer's name: blank is not one. */
function checkName(text: string): Outcome<string> {
  return text.trim() === '' ? failure('A layer needs a name.') : success(text.trim());
}

function NameField({ nodeId, name }: { nodeId: string; name: string }) {
  const { error, inputProps } = useDraftField({ shown: name, check: checkName, format: (n) => n, onCommit: (n) => renameBlock(nodeId, n) });
  return (
    <div className="field">
      <label className="field-label" htmlFor={`name-${nodeId}`}>
        name
      </label>
      <input id={`name-${nodeId}`} className={`field-input mono${error === null ? '' : ' invalid'}`} {...inputProps} data-testid="param-name" />
      <FieldMessage message={error} />
    </div>
  );
}
