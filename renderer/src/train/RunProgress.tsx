import type { BackendName } from '../../../shared/api/training';
import { useAppInfo } from '../host/appInfo';
import { formatCount } from '../ui/format';
import { backendExplanations } from './backends';
import { backendLine } from './backendLine';
import { isRunning, useRun, type RunState } from './trainRun';

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function phaseText(s: RunState): string {
  switch (s.phase) {
    case 'idle':
      return 'Ready';
    case 'starting':
      return 'Starting the engine…';
    case 'loading':
      return s.datasetMessage === null ? 'Loading the dataset…' : `Loading the dataset (${s.datasetMessage})…`;
    case 'training':
      return s.stopping ? 'Stopping after this batch…' : 'Training';
    case 'evaluating':
      return 'Evaluating on the test set…';
    case 'done':
      return 'Done';
    case 'stopped':
      return 'Stopped';
    case 'error':
      return 'Could not train';
  }
}

/** The engine in use in one calm line; why a faster one is not running as a hint under it. */
function BackendInfo({ backend, run }: { backend: BackendName; run: RunState }) {
  const line = backendLine({ detail: run.backendDetail, hint: run.backendHint, failures: run.backendFailures });
  const memoryMb = run.memoryEstimateMb;
  return (
    <div className="rp-backend muted" data-testid="backend-line">
      <span className={`badge backend-${backend}`}>{backend}</span>
      <span className="rp-used">
        {line.used === '' ? backendExplanations[backend] : line.used}
        {memoryMb !== null && ` · about ${formatCount(Math.round(memoryMb))} MB`}
      </span>
      {line.hints.map((h) => (
        <div key={h} className="rp-hint" data-testid="backend-hint">
          <b>Faster:</b> {h}
        </div>
      ))}
    </div>
  );
}

/** Progress bar with epoch and batch counters, samples/s and ETA; the backend in use. */
export function RunProgress() {
  const s = useRun((x) => x);
  const info = useAppInfo();
  const total = s.epochs * s.stepsPerEpoch;
  const done = s.phase === 'done' ? total : s.epoch * s.stepsPerEpoch + s.batch + 1;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : s.phase === 'loading' && s.datasetProgress !== null ? s.datasetProgress : 0;
  const backend = s.backend ?? info?.backends.default ?? null;
  const running = isRunning(s);
  return (
    <div className={`run-progress phase-${s.phase}`} data-testid="run-progress" data-phase={s.phase}>
      <div className="rp-line">
        <span className="rp-phase" data-testid="run-phase">
          {phaseText(s)}
        </span>
        {total > 0 && (
          <span className="num rp-counters" data-testid="run-counters">
            epoch {Math.min(s.epoch + 1, s.epochs)}/{s.epochs} · batch {s.phase === 'done' ? s.stepsPerEpoch : Math.min(s.batch + 1, s.stepsPerEpoch)}/
            {formatCount(s.stepsPerEpoch)}
          </span>
        )}
        <span className="spacer" />
        {s.samplesPerSecond !== null && (
          <span className="num muted" data-testid="samples-per-second">
            {formatCount(Math.round(s.samplesPerSecond))} samples/s
          </span>
        )}
        {running && s.etaMs !== null && <span className="num muted">ETA {formatDuration(s.etaMs)}</span>}
      </div>
      <div
        className={`progress${running && total === 0 ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      {backend !== null && <BackendInfo backend={backend} run={s} />}
    </div>
  );
}
