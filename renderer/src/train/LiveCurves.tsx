import { useEffect, useRef, useState } from 'react';
import { CurveChart } from '../charts/CurveChart';
import type { CurveChartModel } from '../charts/curveTypes';
import { CurveBuilder } from '../charts/liveModel';
import { liveSeries, onSeries } from './liveSeries';
import { runStore } from './trainRun';

/**
 * The running (or last) run's loss and accuracy. Redraws once per flushed frame of events:
 * the builder appends new points and the charts update in place.
 */
export function LiveCurves() {
  const [smoothing, setSmoothing] = useState(0.8);
  const builder = useRef(new CurveBuilder(0.8));
  const [models, setModels] = useState<{ loss: CurveChartModel; accuracy: CurveChartModel } | null>(null);

  useEffect(() => {
    const rebuild = () => {
      builder.current.update(liveSeries.batches);
      setModels(builder.current.models(liveSeries.epochs, runStore.getState().stepsPerEpoch));
    };
    rebuild();
    return onSeries(rebuild);
  }, []);

  useEffect(() => {
    builder.current.setWeight(smoothing);
    setModels(builder.current.models(liveSeries.epochs, runStore.getState().stepsPerEpoch));
  }, [smoothing]);

  const points = liveSeries.batches.length;
  return (
    <div className="live-curves" data-testid="live-curves" data-points={points}>
      <div className="curves-head">
        <span className="muted">Solid: training · dashed: validation · faint: every batch · dotted lines: epoch ends</span>
        <label className="smoothing muted">
          smoothing{' '}
          <input type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} aria-label="Smoothing" />
          <span className="num">{smoothing.toFixed(2)}</span>
        </label>
      </div>
      <div className="curves-grid">
        {points === 0 && liveSeries.epochs.length === 0 && (
          <div className="curves-empty">The loss and accuracy curves draw themselves here, batch by batch, when you press Start.</div>
        )}
        {models !== null && (points > 0 || liveSeries.epochs.length > 0) && (
          <>
            <CurveChart title="Loss" model={models.loss} testId="chart-loss" />
            <CurveChart title="Accuracy" model={models.accuracy} testId="chart-accuracy" />
          </>
        )}
      </div>
    </div>
  );
}
