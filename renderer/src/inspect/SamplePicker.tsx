import type { PredictResult } from '../../../shared/api/inspect';
import { Segmented } from '../ui/Segmented';
import { DrawPad } from './DrawPad';
import { setInspect, useInspect } from '../state/inspectStore';
import { PredictionBars } from './PredictionBars';
import { SampleImage } from './SampleImage';

/** The input the views look at: a test image (index, previous/next, random) or a drawn digit; the model's prediction for it. */
export function SamplePicker(props: { prediction: PredictResult | null; predictError: string | null; drawable: boolean }) {
  const source = useInspect((s) => s.source);
  const index = useInspect((s) => s.testIndex);
  const p = props.prediction;
  return (
    <div className="sample-picker" data-testid="sample-picker">
      <Segmented
        small
        segments={[
          { value: 'test', label: 'Test image', testId: 'source-test' },
          {
            value: 'draw',
            label: 'Draw',
            disabled: !props.drawable,
            title: props.drawable ? 'Draw a digit' : 'Drawing needs a 28×28 grayscale input (MNIST models)',
            testId: 'source-draw',
          },
        ]}
        value={source}
        onChange={(s) => setInspect({ source: s })}
      />
      {source === 'test' ? (
        <div className="sample-test">
          <div className="sample-nav">
            <button type="button" className="icon-btn" onClick={() => setInspect({ testIndex: Math.max(0, index - 1) })} aria-label="Previous test image">
              ‹
            </button>
            <input
              className="field-input num sample-index"
              value={index}
              aria-label="Test image number"
              data-testid="test-index"
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isInteger(v) && v >= 0) setInspect({ testIndex: v });
              }}
            />
            <button type="button" className="icon-btn" onClick={() => setInspect({ testIndex: index + 1 })} aria-label="Next test image">
              ›
            </button>
            <button type="button" className="btn small" onClick={() => setInspect({ testIndex: Math.floor(Math.random() * 10_000) })}>
              Random
            </button>
          </div>
          {p !== null && <SampleImage image={p.image} zoom={Math.max(1, Math.round(112 / Math.max(p.image.width, p.image.height)))} className="sample-big" />}
        </div>
      ) : (
        <DrawPad onChange={(pixels) => setInspect({ drawn: pixels })} />
      )}
      {props.predictError !== null && (
        <p className="field-message" data-testid="predict-error">
          {props.predictError}
        </p>
      )}
      {p !== null && (
        <div className="sample-pred">
          <div className="pred-head">
            Predicted{' '}
            <b className="pred-class" data-testid="predicted-class">
              {p.classNames[p.predicted] ?? p.predicted}
            </b>
            {p.label !== null && (
              <span className="muted">
                {' '}
                · true {p.classNames[p.label] ?? p.label} {p.label === p.predicted ? '✓' : '✗'}
              </span>
            )}
          </div>
          <PredictionBars probabilities={p.probabilities} classNames={p.classNames} predicted={p.predicted} label={p.label} compact />
        </div>
      )}
    </div>
  );
}
