/** Class probabilities as horizontal bars; the predicted class highlighted, the true one marked. */
export function PredictionBars(props: {
  probabilities: readonly number[];
  classNames: readonly string[];
  predicted: number;
  label: number | null;
  compact?: boolean;
}) {
  const { probabilities, classNames, predicted, label } = props;
  const order = probabilities.map((p, i) => ({ p, i }));
  const shownList = order.length > 12 ? [...order].sort((a, b) => b.p - a.p).slice(0, 10) : order;
  return (
    <div className={`pred-bars${props.compact === true ? ' compact' : ''}`} data-testid="prediction-bars" data-predicted={classNames[predicted] ?? predicted}>
      {shownList.map(({ p, i }) => (
        <div
          key={i}
          className={`pred-row${i === predicted ? ' predicted' : ''}${i === label ? ' truth' : ''}`}
          title={`${classNames[i] ?? i}: ${(p * 100).toFixed(2)} %`}
        >
          <span className="pred-name">{classNames[i] ?? i}</span>
          <span className="pred-track">
            <span className="pred-fill" style={{ width: `${Math.max(0.5, p * 100)}%` }} />
          </span>
          <span className="pred-pct num">{(p * 100).toFixed(1)} %</span>
        </div>
      ))}
    </div>
  );
}
