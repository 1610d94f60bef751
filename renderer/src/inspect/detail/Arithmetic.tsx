import type { CellDetail, CellResult } from '../../../../shared/api/inspectCompute';
import type { Computation, Steps, Term } from '../../../../shared/inspect/arithmetic';

/** The steps of one cell's arithmetic as the detail view prints them: patches, kernels, products, sums. */

export function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(3) : Number(v.toPrecision(4)).toString();
}

function Grid(props: {
  rows: number;
  cols: number;
  value: (a: number, b: number) => number | null;
  title: string;
  highlight?: (a: number, b: number) => boolean;
}) {
  return (
    <figure className="arith-grid">
      <figcaption className="muted">{props.title}</figcaption>
      <table className="num">
        <tbody>
          {Array.from({ length: props.rows }, (_, a) => (
            <tr key={a}>
              {Array.from({ length: props.cols }, (_, b) => {
                const v = props.value(a, b);
                return (
                  <td key={b} className={`${v === null ? 'pad' : v > 0 ? 'pos' : v < 0 ? 'neg' : ''}${props.highlight?.(a, b) === true ? ' win' : ''}`}>
                    {v === null ? '·' : fmt(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** How many input channels are written out tap by tap; the rest appear as per-channel sums. */
const SHOWN_CHANNELS = 3;

function ConvSteps(props: { d: Extract<CellDetail, { kind: 'conv' }>; s: Extract<Steps, { kind: 'conv' }> }) {
  const { d, s } = props;
  const [kh, kw] = d.kernel;
  const byChannel = new Map<number, Term[]>();
  for (const t of s.terms) byChannel.set(t.channel, [...(byChannel.get(t.channel) ?? []), t]);
  const shown = d.channels.slice(0, SHOWN_CHANNELS);
  const m = d.variant === 'SeparableConv2D' ? d.depthMultiplier : 1;
  const inside = (a: number, b: number) => {
    const y = d.origin[0] + a * d.dilation[0];
    const x = d.origin[1] + b * d.dilation[1];
    return y >= 0 && x >= 0 && y < d.inputShape[0] && x < d.inputShape[1];
  };
  return (
    <div className="arith-conv">
      <p className="muted">
        The {kh}×{kw} window starts at input row {d.origin[0]}, column {d.origin[1]}
        {d.dilation[0] > 1 || d.dilation[1] > 1 ? `, taps ${d.dilation[0]}×${d.dilation[1]} apart (dilation)` : ''}
        {d.strides[0] > 1 || d.strides[1] > 1 ? `, moving ${d.strides[0]}×${d.strides[1]} per output step` : ''}; padding ‘{d.padding}’ (· = zero padding).
        {d.variant === 'DepthwiseConv2D'
          ? ` Depthwise: output channel ${d.channels[0] ?? 0}·${d.depthMultiplier}+… sees only input channel ${d.channels[0] ?? 0}.`
          : ''}
      </p>
      {shown.map((c) => {
        const terms = byChannel.get(c) ?? [];
        const tap = (a: number, b: number, j = 0) => terms[(a * kw + b) * m + j];
        return (
          <div key={c} className="arith-channel" data-testid="arith-channel">
            <span className="arith-label">channel {c}</span>
            <Grid title="input patch" rows={kh} cols={kw} value={(a, b) => (inside(a, b) ? (tap(a, b)?.x ?? 0) : null)} />
            <span className="op">×</span>
            <Grid title={d.variant === 'SeparableConv2D' ? 'depthwise kernel' : 'kernel'} rows={kh} cols={kw} value={(a, b) => tap(a, b)?.w ?? 0} />
            <span className="op">=</span>
            <Grid title="products" rows={kh} cols={kw} value={(a, b) => tap(a, b)?.product ?? 0} />
            <span className="op">Σ</span>
            <span className="num arith-sum">{fmt(s.perChannel.find((p) => p.channel === c)?.sum ?? 0)}</span>
          </div>
        );
      })}
      {d.channels.length > SHOWN_CHANNELS && (
        <details className="arith-more">
          <summary>{d.channels.length - SHOWN_CHANNELS} more input channels: their sums</summary>
          <div className="arith-sums num">
            {s.perChannel.slice(SHOWN_CHANNELS).map((p) => (
              <span key={p.channel}>
                ch {p.channel}: {fmt(p.sum)}
              </span>
            ))}
          </div>
        </details>
      )}
      {s.pointwise !== null && (
        <p className="muted num">
          Pointwise step: Σ over {s.pointwise.length} depthwise results × their pointwise weights (
          {s.pointwise
            .slice(0, 4)
            .map((p) => `${fmt(p.d)}×${fmt(p.w)}`)
            .join(' + ')}
          {s.pointwise.length > 4 ? ' + …' : ''}).
        </p>
      )}
      <p className="num arith-total">
        sum of {s.terms.length} products = {fmt(s.sum)}
        {s.bias === null ? ' (no bias)' : ` ; + bias ${fmt(s.bias)}`} ⇒ z = {fmt(s.z)}
      </p>
    </div>
  );
}

function PoolSteps(props: { d: Extract<CellDetail, { kind: 'pool' }>; s: Extract<Steps, { kind: 'pool' }> }) {
  const { d, s } = props;
  const [kh, kw] = d.kernel;
  const big = kh * kw > 100;
  return (
    <div>
      <p className="muted">
        {d.op === 'max' ? 'Max' : 'Average'} pooling of channel {d.channel} over a {kh}×{kw} window at row {d.origin[0]}, column {d.origin[1]}
        {d.padding === 'same' ? ' (cells outside the image are ignored, as TensorFlow does)' : ''}.
      </p>
      {!big && <Grid title="window" rows={kh} cols={kw} value={(a, b) => d.window[a * kw + b] ?? null} highlight={(a, b) => s.winner === a * kw + b} />}
      <p className="num arith-total">
        {d.op === 'max' ? `the largest of ${s.count} values (highlighted) = ${fmt(s.z)}` : `(sum of ${s.count} values) / ${s.count} = ${fmt(s.z)}`}
      </p>
    </div>
  );
}

function DenseSteps(props: { s: Extract<Steps, { kind: 'dense' }>; inputLabel?: (i: number) => string }) {
  const { s } = props;
  const rows = (ts: readonly Term[]) =>
    ts.map((t) => (
      <tr key={t.channel}>
        <td>{props.inputLabel?.(t.channel) ?? `input ${t.channel}`}</td>
        <td>{fmt(t.x)}</td>
        <td>× {fmt(t.w)}</td>
        <td>= {fmt(t.product)}</td>
      </tr>
    ));
  return (
    <div>
      <p className="muted">z = Σ inputᵢ × weightᵢ + bias over {s.count} inputs. The ten largest contributions each way:</p>
      <div className="arith-dense">
        <table className="num" data-testid="dense-positive">
          <caption>pushing up</caption>
          <tbody>{rows(s.positive)}</tbody>
        </table>
        <table className="num" data-testid="dense-negative">
          <caption>pushing down</caption>
          <tbody>{rows(s.negative)}</tbody>
        </table>
      </div>
      <p className="num arith-total">
        sum of {s.count} products = {fmt(s.sum)}
        {s.bias === null ? '' : ` ; + bias ${fmt(s.bias)}`} ⇒ z = {fmt(s.z)}
      </p>
    </div>
  );
}

function Other(props: { d: CellDetail; s: Steps }) {
  const { d } = props;
  if (d.kind === 'batchnorm') {
    return (
      <p className="num arith-total">
        y = ({fmt(d.x)} − {fmt(d.mean)}) / √({fmt(d.variance)} + {d.epsilon}) · {fmt(d.gamma)} + {fmt(d.beta)} ={' '}
        {fmt(props.s.kind === 'batchnorm' ? props.s.normalised : 0)} · {fmt(d.gamma)} + {fmt(d.beta)} = {fmt(props.s.z)}
        <span className="muted"> (moving mean and variance of channel; γ, β learned)</span>
      </p>
    );
  }
  if (d.kind === 'activation')
    return (
      <p className="num arith-total">
        x = {fmt(d.x)}
        {d.vector !== null ? ` (over ${d.vector.length} values along the channels)` : ''}
      </p>
    );
  if (d.kind === 'merge') return <p className="num arith-total">{d.inputs.map((i) => `${i.layer}[ch ${i.channel}] = ${fmt(i.value)}`).join(' ; ')}</p>;
  if (d.kind === 'other')
    return (
      <p className="muted">
        {d.note} {d.inputs.map((i) => `${i.layer} ${i.index} = ${fmt(i.value)}`).join(' ; ')}
      </p>
    );
  return null;
}

/** The whole computation: the layer's steps, the activation, and the check against the model. */
export function ArithmeticView(props: { result: CellResult; computation: Computation; inputLabel?: (i: number) => string }) {
  const { result, computation: c } = props;
  const d = result.detail;
  const s = c.steps;
  const match = c.difference <= 1e-5 * Math.max(1, Math.abs(c.modelValue));
  return (
    <div className="arith" data-testid="arithmetic">
      {d.kind === 'conv' && s.kind === 'conv' && <ConvSteps d={d} s={s} />}
      {d.kind === 'pool' && s.kind === 'pool' && <PoolSteps d={d} s={s} />}
      {d.kind === 'dense' && s.kind === 'dense' && <DenseSteps s={s} {...(props.inputLabel === undefined ? {} : { inputLabel: props.inputLabel })} />}
      <Other d={d} s={s} />
      <p className="num arith-act">
        {c.activation === 'linear' ? c.formula : `activation ${c.activation}: ${c.formula}`} ⇒ <b data-testid="arith-value">{fmt(c.value)}</b>
      </p>
      <p className={`arith-check ${match ? 'ok' : 'bad'}`} data-testid="arith-check">
        {match ? '✓' : '✗'} The model computed {c.modelValue.toPrecision(7)}; this arithmetic gives {c.value.toPrecision(7)} (difference{' '}
        {c.difference.toExponential(1)}).
      </p>
    </div>
  );
}
