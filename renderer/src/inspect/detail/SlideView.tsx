import { useEffect, useState, type RefObject, type SetStateAction } from 'react';
import type { CellResult } from '../../../../shared/api/inspectCompute';
import { padBefore } from '../../../../shared/inspect/geometry';
import { paintPlane, rangeOf } from './paint';

type Slide = NonNullable<CellResult['slide']>;
interface Geometry {
  kernel: [number, number];
  strides: [number, number];
  dilation: [number, number];
  padding: string;
}

/** Output positions per animation tick, so a full sweep takes about 8 s whatever the map's size. */
function perTick(total: number): number {
  return Math.max(1, Math.round(total / 80));
}

/**
 * The kernel sliding over one input channel: the window's taps outlined on the input, the output
 * map filling in as it goes (CNN Explainer's view, on the learner's own layer). Play, pause, step;
 * clicking the output map jumps there.
 */
export function SlideView(props: {
  slide: Slide;
  geometry: Geometry;
  start: { y: number; x: number };
  inRef: RefObject<HTMLCanvasElement | null>;
  outRef: RefObject<HTMLCanvasElement | null>;
  onPick: (y: number, x: number) => void;
}) {
  const { slide, geometry: g } = props;
  const { inRef, outRef } = props;
  const oh = slide.output.height;
  const ow = slide.output.width;
  const total = oh * ow;
  const [pos, setPos] = useState(props.start.y * ow + props.start.x);
  const [playing, setPlaying] = useState(false);
  /** Stepping, starting over or picking a cell stops the play where the person put it. */
  const stopAt = (next: SetStateAction<number>) => {
    setPlaying(false);
    setPos(next);
  };

  useEffect(() => setPos(props.start.y * ow + props.start.x), [props.start.y, props.start.x, ow]);
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(
      () =>
        setPos((p) => {
          const next = p + perTick(total);
          if (next >= total) {
            setPlaying(false);
            return total - 1;
          }
          return next;
        }),
      100,
    );
    return () => clearInterval(t);
  }, [playing, total]);

  const ih = slide.input.height;
  const iw = slide.input.width;
  const zoomIn = Math.max(2, Math.floor(260 / Math.max(ih, iw)));
  const zoomOut = Math.max(2, Math.floor(260 / Math.max(oh, ow)));
  const y = Math.floor(pos / ow);
  const x = pos % ow;
  const top = y * g.strides[0] - padBefore(ih, oh, g.kernel[0], g.strides[0], g.dilation[0], g.padding);
  const left = x * g.strides[1] - padBefore(iw, ow, g.kernel[1], g.strides[1], g.dilation[1], g.padding);

  useEffect(() => {
    const a = inRef.current?.getContext('2d');
    const b = outRef.current?.getContext('2d');
    if (a === null || a === undefined || b === null || b === undefined || inRef.current === null || outRef.current === null) return;
    inRef.current.width = iw * zoomIn;
    inRef.current.height = ih * zoomIn;
    paintPlane(a, slide.input, zoomIn, 'grey');
    // the window: each tap outlined (dilation leaves gaps), the padding taps dashed
    a.lineWidth = 2;
    for (let i = 0; i < g.kernel[0]; i++) {
      for (let j = 0; j < g.kernel[1]; j++) {
        const ty = top + i * g.dilation[0];
        const tx = left + j * g.dilation[1];
        const outside = ty < 0 || tx < 0 || ty >= ih || tx >= iw;
        a.setLineDash(outside ? [3, 3] : []);
        a.strokeStyle = outside ? 'rgba(255,159,28,0.6)' : '#ff9f1c';
        a.strokeRect(tx * zoomIn + 1, ty * zoomIn + 1, zoomIn - 2, zoomIn - 2);
      }
    }
    a.setLineDash([]);
    outRef.current.width = ow * zoomOut;
    outRef.current.height = oh * zoomOut;
    b.fillStyle = '#15171c';
    b.fillRect(0, 0, outRef.current.width, outRef.current.height);
    paintPlane(b, slide.output, zoomOut, 'viridis', 0, 0, rangeOf(slide.output.data), (i) => i <= pos);
    b.strokeStyle = '#ff9f1c';
    b.lineWidth = 2;
    b.strokeRect(x * zoomOut + 1, y * zoomOut + 1, zoomOut - 2, zoomOut - 2);
  }, [slide, pos, zoomIn, zoomOut, top, left, x, y, g, ih, iw, oh, ow, inRef, outRef]);

  const value = slide.output.data[pos] ?? 0;
  return (
    <div className="slide-view" data-testid="slide-view" data-pos={pos}>
      <div className="slide-canvases">
        <figure>
          <canvas ref={inRef} className="slide-canvas" />
          <figcaption className="muted">
            input channel {slide.inputChannel} ({iw}×{ih}) · window at row {top}, column {left}
          </figcaption>
        </figure>
        <figure>
          <canvas
            ref={outRef}
            className="slide-canvas clickable"
            data-testid="slide-output"
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              const cy = Math.min(oh - 1, Math.floor(((e.clientY - r.top) / r.height) * oh));
              const cx = Math.min(ow - 1, Math.floor(((e.clientX - r.left) / r.width) * ow));
              stopAt(cy * ow + cx);
              props.onPick(cy, cx);
            }}
          />
          <figcaption className="muted num">
            output ({y}, {x}) = {value.toPrecision(5)} · click a cell to explain it
          </figcaption>
        </figure>
      </div>
      <div className="slide-controls">
        <button
          type="button"
          className="btn small"
          onClick={() => {
            if (pos >= total - 1) setPos(0);
            setPlaying((p) => !p);
          }}
          data-testid="slide-play"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="btn small" onClick={() => stopAt((p) => Math.min(total - 1, p + 1))} data-testid="slide-step">
          Step
        </button>
        <button type="button" className="btn small" onClick={() => stopAt(0)}>
          Start over
        </button>
        <span className="muted num">
          position {pos + 1} of {total}
        </span>
      </div>
    </div>
  );
}
