import { isRunning, stopTraining, toggleTraining, useRun } from '../train/trainRun';

/** The top bar's Train / Stop button with the run's progress under it. */
export function TrainButtonSlot() {
  const s = useRun((x) => x);
  const running = isRunning(s);
  const total = s.epochs * s.stepsPerEpoch;
  const fraction = total > 0 ? Math.min(1, (s.epoch * s.stepsPerEpoch + s.batch + 1) / total) : 0;
  if (running) {
    return (
      <button
        type="button"
        className="btn train-btn running"
        onClick={() => void stopTraining()}
        title="Stop training (Ctrl/Cmd+Enter)"
        data-testid="train-button"
      >
        ■ Stop <span className="num train-btn-pct">{Math.round(fraction * 100)} %</span>
        <span className="train-btn-bar" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </button>
    );
  }
  return (
    <button type="button" className="btn primary" onClick={() => toggleTraining()} title="Train (Ctrl/Cmd+Enter)" data-testid="train-button">
      ▶ Train
    </button>
  );
}
