import { useEffect, useRef, type PointerEvent } from 'react';

const SIZE = 280;

/**
 * MNIST-style preprocessing of a drawing: crop to the ink, scale the digit into a 20×20 box,
 * centre it by its centre of mass in 28×28 (how the MNIST images were made), values in [0, 1].
 */
export function toMnist(ink: Float32Array, size: number): number[] | null {
  let minX = size,
    minY = size,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if ((ink[y * size + x] ?? 0) > 0.05) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  if (maxX < 0) return null;
  const bw = maxX - minX + 1;
  const bh = maxY - minY + 1;
  const scale = 20 / Math.max(bw, bh);
  const dw = Math.max(1, Math.round(bw * scale));
  const dh = Math.max(1, Math.round(bh * scale));
  // box-filter the crop down to dw×dh
  const small = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      const x0 = minX + Math.floor(x / scale),
        x1 = Math.max(x0 + 1, minX + Math.floor((x + 1) / scale));
      const y0 = minY + Math.floor(y / scale),
        y1 = Math.max(y0 + 1, minY + Math.floor((y + 1) / scale));
      let sum = 0,
        count = 0;
      for (let yy = y0; yy < y1 && yy < size; yy++)
        for (let xx = x0; xx < x1 && xx < size; xx++) {
          sum += ink[yy * size + xx] ?? 0;
          count += 1;
        }
      small[y * dw + x] = count === 0 ? 0 : sum / count;
    }
  let mass = 0,
    cx = 0,
    cy = 0;
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      const v = small[y * dw + x] ?? 0;
      mass += v;
      cx += v * x;
      cy += v * y;
    }
  const ox = Math.round(14 - (mass > 0 ? cx / mass : dw / 2));
  const oy = Math.round(14 - (mass > 0 ? cy / mass : dh / 2));
  const out = new Array<number>(28 * 28).fill(0);
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      const tx = x + ox,
        ty = y + oy;
      if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) out[ty * 28 + tx] = Math.min(1, Math.max(0, small[y * dw + x] ?? 0));
    }
  return out;
}

/** Draw a digit with the mouse or a finger; `onChange` gets the 28×28 pixels while drawing (throttled by the caller). */
export function DrawPad(props: { onChange: (pixels: number[] | null) => void }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const lastSent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    props.onChange(null);
  };
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    return () => {
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const send = () => {
    const el = canvas.current;
    const ctx = el?.getContext('2d', { willReadFrequently: true });
    if (el === null || el === undefined || ctx === null || ctx === undefined) return;
    const data = ctx.getImageData(0, 0, SIZE, SIZE).data;
    const ink = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < ink.length; i++) ink[i] = (data[i * 4] ?? 0) / 255;
    lastSent.current = performance.now();
    props.onChange(toMnist(ink, SIZE));
  };
  /** At most every 120 ms while drawing, and once at the end. */
  const throttled = () => {
    const wait = 120 - (performance.now() - lastSent.current);
    if (wait <= 0) send();
    else if (timer.current === null)
      timer.current = setTimeout(() => {
        timer.current = null;
        send();
      }, wait);
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 22;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };
  return (
    <div className="draw-pad">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="draw-canvas"
        data-testid="draw-pad"
        aria-label="Draw a digit here"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = point(e);
          drawing.current = p;
          stroke(p, p);
          throttled();
        }}
        onPointerMove={(e) => {
          if (drawing.current === null) return;
          const p = point(e);
          stroke(drawing.current, p);
          drawing.current = p;
          throttled();
        }}
        onPointerUp={() => {
          drawing.current = null;
          send();
        }}
      />
      <button type="button" className="btn small" onClick={clear} data-testid="clear-drawing">
        Clear
      </button>
    </div>
  );
}
