import { useState } from 'react';
import type { EvaluateResult } from '../../../shared/api/inspect';
import { formatCount } from '../ui/format';
import { Segmented } from '../ui/Segmented';
import { cssColor } from './colormap';
import { setInspect } from '../state/inspectStore';
import { PredictionBars } from './PredictionBars';
import { SampleImage } from './SampleImage';
import { shown, useInspectCall } from './useInspectCall';

const LIMITS = [1000, 2000, 10_000] as const;

/** Evaluates the current weights on the first N test images; shared by the confusion matrix and the mistakes. */
export function useEvaluation(modelVersion: string, limit: number) {
  return useInspectCall('inspect.evaluate', { limit, worst: 24 }, [modelVersion, limit]);
}

export function EvaluateHeader(props: { limit: number; setLimit: (n: number) => void; r: EvaluateResult | null; loading: boolean }) {
  return (
    <div className="eval-head">
      <span className="muted">Evaluate on the first</span>
      <Segmented small segments={LIMITS.map((n) => ({ value: n, label: formatCount(n) }))} value={props.limit} onChange={props.setLimit} />
      <span className="muted">test images</span>
      {props.r !== null && (
        <span className="num eval-score" data-testid="eval-accuracy">
          accuracy <b>{(props.r.accuracy * 100).toFixed(2)} %</b> · loss {props.r.loss.toFixed(4)} · {formatCount(props.r.count)} images
        </span>
      )}
      {props.loading && <span className="muted">evaluating…</span>}
    </div>
  );
}

/** Rows: true class; columns: predicted. Click a cell to list its samples. */
export function ConfusionView(props: { modelVersion: string }) {
  const [limit, setLimit] = useState<number>(2000);
  const call = useEvaluation(props.modelVersion, limit);
  const r = shown(call);
  const [cell, setCell] = useState<{ t: number; p: number } | null>(null);
  return (
    <div className="eval-view" data-testid="confusion-view">
      <EvaluateHeader limit={limit} setLimit={setLimit} r={r} loading={call.status === 'loading'} />
      {call.status === 'error' && <p className="field-message">{call.message}</p>}
      {r !== null && (
        <div className="confusion-layout">
          <Matrix r={r} cell={cell} onCell={setCell} />
          {cell !== null && <CellSamples r={r} t={cell.t} p={cell.p} />}
        </div>
      )}
    </div>
  );
}

function Matrix(props: { r: EvaluateResult; cell: { t: number; p: number } | null; onCell: (c: { t: number; p: number }) => void }) {
  const { r } = props;
  const rowMax = r.confusion.map((row) => Math.max(1, ...row));
  return (
    <table className="confusion num" data-testid="confusion-matrix">
      <thead>
        <tr>
          <th className="corner">true ↓ · predicted →</th>
          {r.classNames.map((c) => (
            <th key={c}>{c}</th>
          ))}
          <th>acc.</th>
        </tr>
      </thead>
      <tbody>
        {r.confusion.map((row, t) => (
          <tr key={t}>
            <th>{r.classNames[t] ?? t}</th>
            {row.map((n, p) => {
              const share = n / (rowMax[t] ?? 1);
              const diag = t === p;
              const active = props.cell?.t === t && props.cell.p === p;
              return (
                <td
                  key={p}
                  className={`cm-cell${diag ? ' diag' : ''}${active ? ' active' : ''}`}
                  onClick={() => props.onCell({ t, p })}
                  style={{ background: n === 0 ? undefined : cssColor('viridis', 0.15 + 0.85 * share), color: share > 0.55 ? '#111' : undefined }}
                  title={`true ${r.classNames[t] ?? t}, predicted ${r.classNames[p] ?? p}: ${n}`}
                  data-testid="cm-cell"
                >
                  {n === 0 ? '' : n}
                </td>
              );
            })}
            <td className="muted">{r.perClassAccuracy[t] == null ? '–' : `${((r.perClassAccuracy[t] ?? 0) * 100).toFixed(1)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CellSamples(props: { r: EvaluateResult; t: number; p: number }) {
  const { r, t, p } = props;
  const indices: number[] = [];
  for (let i = 0; i < r.labels.length && indices.length < 40; i++) if (r.labels[i] === t && r.predicted[i] === p) indices.push(i);
  return (
    <div className="cell-samples" data-testid="cell-samples">
      <h4>
        true {r.classNames[t] ?? t}, predicted {r.classNames[p] ?? p}: {formatCount(r.confusion[t]?.[p] ?? 0)} images
      </h4>
      <div className="cell-indices">
        {indices.map((i) => (
          <CellThumb key={i} index={i} />
        ))}
      </div>
    </div>
  );
}

function CellThumb({ index }: { index: number }) {
  const call = useInspectCall('inspect.predict', { sample: { kind: 'test', index } }, [index]);
  const r = shown(call);
  return (
    <button
      type="button"
      className="cell-thumb"
      title={`test image ${index}: open it in Activations`}
      onClick={() => setInspect({ source: 'test', testIndex: index, view: 'activations' })}
    >
      {r === null ? <span className="thumb-placeholder" /> : <SampleImage image={r.image} zoom={2} />}
      <span className="num muted">#{index}</span>
    </button>
  );
}

/** The most confident mistakes: image, true and predicted class, probabilities. */
export function MistakesView(props: { modelVersion: string }) {
  const [limit, setLimit] = useState<number>(2000);
  const call = useEvaluation(props.modelVersion, limit);
  const r = shown(call);
  return (
    <div className="eval-view" data-testid="mistakes-view">
      <EvaluateHeader limit={limit} setLimit={setLimit} r={r} loading={call.status === 'loading'} />
      {call.status === 'error' && <p className="field-message">{call.message}</p>}
      {r !== null && r.worst.length === 0 && <p className="empty-state">No mistakes on these images.</p>}
      {r !== null && (
        <div className="mistakes">
          {r.worst.map((m) => (
            <div key={m.index} className="mistake" data-testid="mistake">
              <button
                type="button"
                className="mistake-img"
                onClick={() => setInspect({ source: 'test', testIndex: m.index, view: 'activations' })}
                title="Open in Activations"
              >
                <SampleImage image={m.image} zoom={Math.max(1, Math.round(64 / Math.max(m.image.width, m.image.height)))} />
              </button>
              <div className="mistake-text">
                <div>
                  true <b>{r.classNames[m.label] ?? m.label}</b> → predicted <b className="bad">{r.classNames[m.predicted] ?? m.predicted}</b>{' '}
                  <span className="muted num">({((m.probabilities[m.predicted] ?? 0) * 100).toFixed(1)} %)</span>
                </div>
                <PredictionBars probabilities={m.probabilities} classNames={r.classNames} predicted={m.predicted} label={m.label} compact />
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
