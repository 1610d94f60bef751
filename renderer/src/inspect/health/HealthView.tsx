import { useEffect, useRef } from 'react';
import type { Histogram, TrainingHealth } from '../../../../shared/api/health';
import { editor } from '../../state/editorStore';
import { lut } from '../colormap';
import { PngButtons } from '../detail/PngButtons';
import { fmt } from '../detail/Arithmetic';
import { showRun, useHealth, watchHealth } from './healthStore';
import '../detail/detail.css';
import './health.css';

watchHealth(() => editor.graph().name);

const W = 220;
const ROW = 16;

/**
 * TensorBoard's histogram view in small: one row per epoch (oldest at the top, darker), the bins
 * as a filled curve over the value range of all epochs, so a widening or collapsing spread shows.
 */
function HistogramCanvas(props: { series: readonly (Histogram | null)[]; testId: string; canvases: Map<string, HTMLCanvasElement> }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const { series } = props;
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    props.canvases.set(props.testId, el);
    const rows = series.filter((h): h is Histogram => h !== null);
    el.width = W;
    el.height = Math.max(1, rows.length) * ROW + 18;
    ctx.clearRect(0, 0, el.width, el.height);
    if (rows.length === 0) return;
    const lo = Math.min(...rows.map((h) => h.min));
    const hi = Math.max(...rows.map((h) => h.max));
    const span = hi - lo || 1;
    const table = lut('viridis');
    rows.forEach((h, r) => {
      const peak = Math.max(1, ...h.counts);
      const base = (r + 1) * ROW + 2;
      const c = Math.round((0.25 + 0.75 * (rows.length === 1 ? 1 : r / (rows.length - 1))) * 255) * 3;
      ctx.fillStyle = `rgba(${table[c] ?? 0},${table[c + 1] ?? 0},${table[c + 2] ?? 0},0.85)`;
      ctx.beginPath();
      ctx.moveTo(((h.min - lo) / span) * W, base);
      h.counts.forEach((n, i) => {
        const x = ((h.min + ((i + 0.5) / h.counts.length) * (h.max - h.min) - lo) / span) * W;
        ctx.lineTo(x, base - (n / peak) * ROW * 1.6);
      });
      ctx.lineTo(((h.max - lo) / span) * W, base);
      ctx.closePath();
      ctx.fill();
    });
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.font = '10px ui-monospace, monospace';
    ctx.textBaseline = 'bottom';
    ctx.fillText(fmt(lo), 0, el.height);
    ctx.textAlign = 'right';
    ctx.fillText(fmt(hi), W, el.height);
  }, [series, props.canvases, props.testId]);
  return <canvas ref={ref} className="health-hist" data-testid={props.testId} />;
}

function LayerRow(props: { name: string; epochs: readonly TrainingHealth[]; canvases: Map<string, HTMLCanvasElement> }) {
  const per = props.epochs.map((e) => e.layers.find((l) => l.layer === props.name) ?? null);
  const last = per[per.length - 1] ?? null;
  return (
    <tr data-testid={`health-${props.name}`}>
      <td className="mono">{props.name}</td>
      <td>
        <HistogramCanvas series={per.map((l) => l?.weights ?? null)} testId={`hist-w-${props.name}`} canvases={props.canvases} />
      </td>
      <td>
        <HistogramCanvas series={per.map((l) => l?.gradients ?? null)} testId={`hist-g-${props.name}`} canvases={props.canvases} />
      </td>
      <td className="num">{last === null ? '' : `${fmt(last.activationMean)} ± ${fmt(last.activationStd)}`}</td>
      <td className="num">{last?.deadFraction == null ? '–' : `${(last.deadFraction * 100).toFixed(0)} %`}</td>
    </tr>
  );
}

/** Inspect › Training health: the latest run's per-layer histograms over epochs and its warnings. */
export function HealthView() {
  const runs = useHealth((s) => s.runs);
  const shown = useHealth((s) => s.shown);
  const canvases = useRef(new Map<string, HTMLCanvasElement>()).current;
  const run = runs.find((r) => r.runId === shown) ?? runs[0];
  const epochs = run?.epochs ?? [];
  const model = run?.model ?? null;
  const durations = run?.durations ?? [];
  const last = epochs[epochs.length - 1];
  const picker = runs.length > 1 && (
    <select className="field-input" value={run?.runId ?? ''} onChange={(e) => showRun(e.target.value)} aria-label="Run" data-testid="health-run">
      {runs.map((r, i) => (
        <option key={r.runId} value={r.runId}>
          {i === 0 ? 'Latest: ' : ''}
          {r.model} · {new Date(r.startedAt).toLocaleTimeString()} · {r.epochs.length} measured
        </option>
      ))}
    </select>
  );
  if (last === undefined) {
    if (run !== undefined) {
      return (
        <div className="health-view">
          {picker}
          <p className="empty-state" data-testid="health-empty">
            This run of <b className="mono">{run.model}</b> has no health report yet: it is measured at the end of an epoch, and only while measuring takes
            under 5 % of the training time (a run of a few hundred images cannot afford it).
          </p>
        </div>
      );
    }
    return (
      <p className="empty-state" data-testid="health-empty">
        Train the model (even one short epoch): after each epoch the weights, gradients and activations of every layer are measured on a fixed batch of 32
        training images and shown here (skipped in runs too short to afford it: measuring takes at most 5 % of the training time).
      </p>
    );
  }
  const cost = epochs.reduce((s, e) => s + e.costMs, 0);
  const total = durations.reduce((s, d) => s + d, 0);
  return (
    <div className="health-view" data-testid="health-view">
      <div className="look-controls">
        {picker}
        <span className="muted">
          Run of <b className="mono">{model}</b> · {epochs.length} epoch{epochs.length === 1 ? '' : 's'} · measuring took {cost} ms of {total} ms (
          {total > 0 ? ((cost / total) * 100).toFixed(1) : '0'} % of this run; one probe batch per epoch)
        </span>
        <span className="spacer" />
        <PngButtons
          canvases={() => [...canvases.values()]}
          caption={`Training health of ${model ?? ''}: weight and gradient histograms over ${epochs.length} epochs`}
          name={`health-${model ?? 'model'}`}
          testId="health-png"
        />
      </div>
      {last.warnings.length > 0 ? (
        <ul className="health-warnings" data-testid="health-warnings">
          {last.warnings.map((w) => (
            <li key={`${w.layer}-${w.kind}`}>⚠ {w.message}</li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="health-ok">
          ✓ No vanishing or exploding gradients, no mostly-dead ReLU layer at epoch {last.epoch}.
        </p>
      )}
      <table className="health-table">
        <thead>
          <tr>
            <th>layer</th>
            <th>kernel weights (epoch 1 → {last.epoch})</th>
            <th>kernel gradients</th>
            <th>output mean ± std</th>
            <th>dead ReLUs</th>
          </tr>
        </thead>
        <tbody>
          {last.layers.map((l) => (
            <LayerRow key={l.layer} name={l.layer} epochs={epochs} canvases={canvases} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
