import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../shared/project';
import { CurveChart } from '../charts/CurveChart';
import { runColor, type CurveChartModel, type CurveSeries } from '../charts/curveTypes';
import { smooth } from '../charts/smoothing';
import { updateSettings, useProject } from '../state/projectStore';
import { showDockTab } from '../state/uiStore';
import { askConfirm } from '../ui/confirm';
import { downloadText } from '../ui/download';
import { formatCount } from '../ui/format';
import { Note } from '../ui/Note';
import { useTallDock } from '../ui/useTallDock';
import { runProgressText } from './runProgress';
import { runsCsv } from './runsCsv';
import './runs.css';

const noRuns: readonly RunRecord[] = [];

function datasetName(r: RunRecord): string {
  return r.dataset.kind === 'folder' ? (r.dataset.path.split(/[\\/]/).pop() ?? 'folder') : r.dataset.kind === 'mnist' ? 'MNIST' : 'Fashion-MNIST';
}

function pct(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(2)} %`;
}

/** Curves of several runs on one epoch axis (runs with different batch sizes line up). */
function overlay(runs: readonly { run: RunRecord; color: string }[], metric: 'loss' | 'accuracy'): CurveChartModel {
  const series: CurveSeries[] = [];
  for (const { run, color } of runs) {
    const per = Math.max(1, run.stepsPerEpoch);
    const ys = run.batches.map((b) => (metric === 'loss' ? b[1] : b[2]));
    const xs = run.batches.map((b) => b[0] / per);
    const valid = ys.map((y, i) => ({ x: xs[i] ?? 0, y })).filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.y));
    const smoothed = smooth(
      valid.map((p) => p.y),
      0.8,
    );
    const label = `${run.model} ${new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    series.push({ key: `${run.id}-t`, label: `${label} ${metric}`, color, points: valid.map((p, i) => ({ x: p.x, y: smoothed[i] ?? p.y })) });
    const val = run.epochs.flatMap((e) => {
      const y = metric === 'loss' ? e.valLoss : e.valAccuracy;
      return y === null ? [] : [{ x: e.epoch + 1, y }];
    });
    if (val.length > 0) series.push({ key: `${run.id}-v`, label: `${label} val_${metric}`, color, points: val, dashed: true, markers: true });
  }
  const maxEpochs = Math.max(0, ...runs.map(({ run }) => run.epochs.length));
  return {
    series,
    boundaries: Array.from({ length: maxEpochs }, (_, i) => i + 1),
    xLabel: 'epoch',
    percent: metric === 'accuracy',
    describeX: (x) => `epoch ${x.toFixed(2)}`,
  };
}

/** The Runs tab: every run of the project with its settings and final metrics; overlay, CSV, PNG. */
export function RunsPanel() {
  useTallDock();
  const runs = useProject((s) => s.settings.runs ?? noRuns);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const chosen = picked ?? new Set(runs.slice(-3).map((r) => r.id));
  const shownRuns = useMemo(() => runs.map((run, i) => ({ run, color: runColor(i) })).filter(({ run }) => chosen.has(run.id)), [runs, chosen]);
  const loss = useMemo(() => overlay(shownRuns, 'loss'), [shownRuns]);
  const acc = useMemo(() => overlay(shownRuns, 'accuracy'), [shownRuns]);
  if (runs.length === 0) {
    return (
      <div className="empty-state" data-testid="runs-empty">
        <p>
          <b>No runs yet.</b> Every training run of this project is kept here with its settings, curves and final accuracy, so you can compare them: change one
          setting (the learning rate, the batch size, a layer), train again, and overlay the curves.
        </p>
        <button type="button" className="btn" onClick={() => showDockTab('train')}>
          Go to Train
        </button>
      </div>
    );
  }
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const remove = async (id: string) => {
    if (
      !(await askConfirm({
        title: 'Delete this run?',
        message: 'The run, its curves and its numbers are removed from the project.',
        confirmLabel: 'Delete run',
        danger: true,
      }))
    )
      return;
    updateSettings((s) => ({ ...s, runs: (s.runs ?? []).filter((r) => r.id !== id) }));
  };
  return (
    <div className="runs-panel" data-testid="runs-panel">
      <div className="runs-left">
        <Note id="runs">
          Each row is one training run, kept in the project file. Tick runs to overlay their curves (solid: training, smoothed; dashed: validation per epoch) on
          an epoch axis, so runs with different batch sizes line up.
        </Note>
        <div className="runs-actions">
          <button
            type="button"
            className="btn small"
            onClick={() => downloadText(runsCsv(shownRuns.map((x) => x.run)), 'blockprop-runs.csv')}
            disabled={shownRuns.length === 0}
            data-testid="runs-csv"
          >
            Metrics as CSV
          </button>
        </div>
        <table className="runs-table num" data-testid="runs-table">
          <thead>
            <tr>
              <th />
              <th>Run</th>
              <th>Data</th>
              <th>Settings</th>
              <th className="right">Test acc.</th>
              <th className="right">Val acc.</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...runs].reverse().map((r) => {
              const i = runs.indexOf(r);
              const last = r.epochs[r.epochs.length - 1];
              return (
                <tr key={r.id} className={chosen.has(r.id) ? 'chosen' : ''} data-testid="run-row">
                  <td>
                    <input
                      type="checkbox"
                      checked={chosen.has(r.id)}
                      onChange={() => toggle(r.id)}
                      aria-label="Overlay this run"
                      style={{ accentColor: runColor(i) }}
                    />
                  </td>
                  <td>
                    <span className="run-swatch" style={{ background: runColor(i) }} />
                    <span className="mono">{r.model}</span>
                    <div className="muted small">
                      {new Date(r.startedAt).toLocaleString()} · {r.backend ?? '?'}
                      {r.status === 'done' ? '' : ` · ${r.status}`}
                    </div>
                  </td>
                  <td>
                    {datasetName(r)}
                    {r.limit === null ? '' : <span className="muted"> ({formatCount(r.limit)})</span>}
                  </td>
                  <td className="muted small">
                    {r.training.optimizer.kind} lr {r.training.learningRate} · batch {r.training.batchSize} ·{' '}
                    <span data-testid="run-progress-text">{runProgressText(r)}</span>
                  </td>
                  <td className="right">
                    <b>{pct(r.testAccuracy)}</b>
                  </td>
                  <td className="right">{pct(last?.valAccuracy ?? null)}</td>
                  <td>
                    <button type="button" className="icon-btn small" onClick={() => void remove(r.id)} aria-label="Delete this run" title="Delete this run">
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="runs-charts">
        <CurveChart title="Loss" model={loss} height={190} fileName="runs-loss" testId="runs-chart-loss" />
        <CurveChart title="Accuracy" model={acc} height={190} fileName="runs-accuracy" testId="runs-chart-accuracy" />
      </div>
    </div>
  );
}
