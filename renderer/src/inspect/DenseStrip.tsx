import { useMemo, useState } from 'react';
import { cssColor, type ColormapName } from './colormap';
import { LevelsCanvas } from './FeatureMapGrid';

/**
 * A Dense layer's output as a heat strip (one cell per unit, wrapped in rows of 64) and, for
 * up to 64 units, as bars; hover reads a unit's value.
 */
export function DenseStrip(props: { values: readonly number[]; colormap: ColormapName; onUnit?: (unit: number) => void }) {
  const { values } = props;
  const [hover, setHover] = useState<number | null>(null);
  const { levels, min, max, cols, rows } = useMemo(() => {
    let lo = Infinity,
      hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const c = Math.min(64, Math.max(1, values.length));
    const r = Math.ceil(values.length / c);
    const out = new Float32Array(c * r);
    values.forEach((v, i) => (out[i] = hi > lo ? (v - lo) / (hi - lo) : 0));
    return { levels: out, min: Number.isFinite(lo) ? lo : 0, max: Number.isFinite(hi) ? hi : 0, cols: c, rows: r };
  }, [values]);
  const active = values.filter((v) => v > 0).length;
  const zoom = Math.max(4, Math.floor(640 / cols));
  return (
    <div className="dense-strip" data-testid="dense-strip" data-units={values.length}>
      <p className="muted num">
        {values.length} units · {active} active (&gt; 0) · min {min.toPrecision(3)} · max {max.toPrecision(3)}
      </p>
      <div
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const i = Math.floor(((e.clientY - r.top) / r.height) * rows) * cols + Math.floor(((e.clientX - r.left) / r.width) * cols);
          setHover(i >= 0 && i < values.length ? i : null);
        }}
        onMouseLeave={() => setHover(null)}
        onClick={() => {
          if (hover !== null) props.onUnit?.(hover);
        }}
        className="dense-heat"
      >
        <LevelsCanvas levels={levels} width={cols} height={rows} colormap={props.colormap} zoom={zoom} className="dense-canvas" />
      </div>
      <p className="muted num dense-read">
        {hover === null
          ? `Hover a cell to read a unit${props.onUnit === undefined ? '' : '; click it to see how it was computed'}.`
          : `unit ${hover}: ${(values[hover] ?? 0).toPrecision(4)}`}
      </p>
      {values.length <= 64 && (
        <div className="dense-bars">
          {values.map((v, i) => (
            <span
              key={i}
              className="dense-bar"
              title={`unit ${i}: ${v.toPrecision(4)}`}
              style={{
                height: `${max > min ? Math.max(2, ((v - Math.min(0, min)) / (max - Math.min(0, min))) * 100) : 2}%`,
                background: cssColor(props.colormap, max > min ? (v - min) / (max - min) : 0),
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
