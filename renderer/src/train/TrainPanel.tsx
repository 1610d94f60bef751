import { useEffect, useMemo, useState } from 'react';
import type { DatasetPreviewResult } from '../../../shared/api/inspect';
import { api } from '../host/api';
import { useAppInfo } from '../host/appInfo';
import { setInspect } from '../state/inspectStore';
import { updateSettings, useProject } from '../state/projectStore';
import { useStore } from '../state/createStore';
import { modelKey } from '../state/modelKey';
import { useGraph } from '../state/useEditor';
import { showDockTab } from '../state/uiStore';
import { Note } from '../ui/Note';
import { useTallDock } from '../ui/useTallDock';
import { backendExplanations, isBackend, type Backend } from './backends';
import { checkModelData } from './dataCheck';
import { DatasetChooser } from './DatasetChooser';
import { LiveCurves } from './LiveCurves';
import { RunProgress } from './RunProgress';
import { SettingsForm } from './SettingsForm';
import { isRunning, runOptions, startTraining, stopTraining, useRun } from './trainRun';
import './train.css';

/** The Train tab: data and settings on the left, Start/Stop, progress and live curves on the right. */
export function TrainPanel() {
  useTallDock();
  const running = useRun((s) => isRunning(s));
  return (
    <div className="train-panel" data-testid="train-panel">
      <aside className="train-side">
        <Note id="train">
          Pick the images the network learns from and how it learns. Each <b>batch</b> of images nudges the weights against the gradient of the <b>loss</b>; an{' '}
          <b>epoch</b> is one pass over all training images. The curves on the right should go down (loss) and up (accuracy); when validation (dashed) stops
          following training (solid), the network has started to memorise.
        </Note>
        <h3 className="tf-heading">Data</h3>
        <DatasetChooser disabled={running} />
        <h3 className="tf-heading">Settings</h3>
        <SettingsForm disabled={running} />
        <BackendChooser disabled={running} />
      </aside>
      <section className="train-main">
        <StartBar />
        <RunOwner />
        <RunProgress />
        <RunResult />
        <LiveCurves />
      </section>
    </div>
  );
}

function StartBar() {
  const s = useRun((x) => x);
  const running = isRunning(s);
  const graph = useGraph();
  const settings = useProject((p) => p.settings);
  const [preview, setPreview] = useState<DatasetPreviewResult | null>(null);
  useEffect(() => {
    let live = true;
    setPreview(null);
    if (settings.dataset.kind === 'folder') {
      void api()
        .invoke('dataset.preview', { dataset: settings.dataset, perClass: 0 })
        .then((r) => {
          if (live && r.ok) setPreview(r.value);
        });
    }
    return () => {
      live = false;
    };
  }, [settings.dataset]);
  const check = useMemo(
    () => checkModelData(graph, settings.dataset, preview, settings.training.loss),
    [graph, settings.dataset, preview, settings.training.loss],
  );
  return (
    <div className="start-bar">
      {running ? (
        <button type="button" className="btn danger big" onClick={() => void stopTraining()} disabled={s.stopping} data-testid="stop-training">
          ■ {s.stopping ? 'Stopping…' : 'Stop'}
        </button>
      ) : (
        <button
          type="button"
          className="btn primary big"
          onClick={() => void startTraining()}
          disabled={graph.nodes.length === 0}
          data-testid="start-training"
          title="Train (Ctrl/Cmd+Enter)"
        >
          ▶ Start training
        </button>
      )}
      <ul className="data-check" data-testid="data-check">
        {check.lines.map((l) => (
          <li key={l.text} className={l.ok ? 'ok' : 'bad'}>
            <span aria-hidden>{l.ok ? '✓' : '⚠'}</span> {l.text}
            {l.fix !== undefined && (
              <button
                type="button"
                className="btn small data-fix"
                disabled={running}
                data-testid="data-fix"
                onClick={() => {
                  const dataset = l.fix?.dataset;
                  if (dataset !== undefined) updateSettings((p) => ({ ...p, dataset }));
                }}
              >
                {l.fix.label}
              </button>
            )}
          </li>
        ))}
        {graph.nodes.length === 0 && <li className="bad">The canvas is empty: open a template (top bar) or the lesson first.</li>}
      </ul>
      {s.message !== null && (
        <div className={`run-message ${s.phase === 'error' ? 'error' : 'info'}`} role={s.phase === 'error' ? 'alert' : 'status'} data-testid="run-message">
          {s.message}
        </div>
      )}
    </div>
  );
}

/** Whose results these are: the run's model and start time, and whether the canvas still holds that model. */
function RunOwner() {
  const s = useRun((x) => x);
  const graph = useGraph();
  const key = useMemo(() => modelKey(graph), [graph]);
  if (s.model === null || s.startedAt === null) return null;
  const when = new Date(s.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const changed = s.modelKey !== null && s.modelKey !== key;
  return (
    <div className={`run-owner${changed ? ' changed' : ''}`} data-testid="run-owner">
      Run of <b>{s.model}</b> started {when}
      {changed && <span> · the model on the canvas has changed since: train again for its results.</span>}
    </div>
  );
}

function RunResult() {
  const s = useRun((x) => x);
  if (s.testAccuracy === null && s.testLoss === null) return null;
  return (
    <div className="run-result" data-testid="run-result">
      <div className="big-number">
        <span className="label">Test accuracy</span>
        <span className="num value" data-testid="test-accuracy">
          {s.testAccuracy === null ? '–' : `${(s.testAccuracy * 100).toFixed(2)} %`}
        </span>
      </div>
      <div className="big-number">
        <span className="label">Test loss</span>
        <span className="num value">{s.testLoss === null ? '–' : s.testLoss.toFixed(4)}</span>
      </div>
      <div className="run-result-actions">
        <button
          type="button"
          className="btn small"
          onClick={() => {
            setInspect({ view: 'activations' });
            showDockTab('inspect');
          }}
          data-testid="look-inside"
        >
          Look inside →
        </button>
        <button type="button" className="btn small" onClick={() => showDockTab('runs')}>
          Compare runs →
        </button>
      </div>
    </div>
  );
}

function BackendChooser(props: { disabled: boolean }) {
  const info = useAppInfo();
  const backend = useStore(runOptions, (o) => o.backend);
  const available = info?.backends.available ?? [];
  const pick = (b: Backend) => runOptions.setState((o) => ({ ...o, backend: b }));
  const auto = info?.backends.default ?? null;
  return (
    <label className="tf-field backend-choice">
      <span className="tf-label">Engine</span>
      <select
        className="field-input"
        value={backend}
        disabled={props.disabled}
        onChange={(e) => {
          const v = e.target.value;
          if (isBackend(v)) pick(v);
        }}
        data-testid="backend"
      >
        <option value="auto">auto{auto === null ? '' : ` (${auto})`}</option>
        {available.map((b) => (
          <option key={b.name} value={b.name} disabled={!b.available}>
            {b.name}
            {b.available ? '' : ' — unavailable'}
          </option>
        ))}
      </select>
      <span className="field-help">
        {backend === 'auto' ? (auto === null ? 'The fastest engine available.' : backendExplanations[auto]) : backendExplanations[backend]}
        {available
          .filter((b) => !b.available && b.reason !== undefined)
          .map((b) => ` Not available here: ${b.name} (${b.reason ?? ''}).`)
          .join('')}
      </span>
    </label>
  );
}
