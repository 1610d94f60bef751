import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ActivationMap } from '../../../shared/api/inspect';
import { Modal } from '../ui/Modal';
import { lut, type ColormapName } from './colormap';
import { gridColumns, layerRange, mapLevels } from './decode';
import { setInspect, useInspect } from '../state/inspectStore';

const GAP = 4;
const LABEL = 14;

function tileScale(w: number, h: number, n: number): number {
  const target = n <= 8 ? 96 : n <= 64 ? 64 : 40;
  return Math.max(1, Math.round(target / Math.max(w, h)));
}

/** Paints levels (0..1) into an RGBA buffer at an integer zoom (nearest neighbour: pixels stay square). */
function paint(levels: Float32Array, w: number, h: number, zoom: number, table: Uint8ClampedArray, out: ImageData, ox: number, oy: number): void {
  const data = out.data;
  for (let y = 0; y < h * zoom; y++) {
    const sy = Math.floor(y / zoom);
    const row = (oy + y) * out.width;
    for (let x = 0; x < w * zoom; x++) {
      const v = levels[sy * w + Math.floor(x / zoom)] ?? 0;
      const c = Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * 255) * 3;
      const o = (row + ox + x) * 4;
      data[o] = table[c] ?? 0;
      data[o + 1] = table[c + 1] ?? 0;
      data[o + 2] = table[c + 2] ?? 0;
      data[o + 3] = 255;
    }
  }
}

/**
 * A layer's feature maps as one canvas: square tiles with small gaps, the channel index under
 * each, min/max on hover, click to enlarge. One canvas, not a DOM node per pixel or per map.
 */
export function FeatureMapGrid(props: {
  maps: readonly ActivationMap[];
  encoding: 'u8' | 'f32';
  colormap: ColormapName;
  scale: 'map' | 'layer';
  /** When given, a click explains the clicked pixel (channel, row, column) instead of enlarging the map. */
  onCell?: (channel: number, y: number, x: number) => void;
}) {
  const { maps, encoding, colormap, scale } = props;
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const [enlarged, setEnlarged] = useState<number | null>(null);
  const first = maps[0];
  const w = first?.width ?? 1;
  const h = first?.height ?? 1;
  const n = maps.length;
  const cols = gridColumns(n);
  const rows = Math.ceil(n / cols);
  const tileSize = useInspect((s) => s.tileSize);
  // Integer zoom keeps pixels square; the slider picks the tile size it comes closest to.
  const zoom = tileSize === null ? tileScale(w, h, n) : Math.max(1, Math.round(tileSize / Math.max(w, h)));
  const tileW = w * zoom;
  const tileH = h * zoom;
  const width = cols * tileW + (cols - 1) * GAP;
  const height = rows * (tileH + LABEL) + (rows - 1) * GAP;
  const range = useMemo(() => (scale === 'layer' ? layerRange(maps) : null), [maps, scale]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    el.width = width;
    el.height = height;
    const img = ctx.createImageData(width, height);
    const table = lut(colormap);
    maps.forEach((m, i) => {
      const cx = (i % cols) * (tileW + GAP);
      const cy = Math.floor(i / cols) * (tileH + LABEL + GAP);
      paint(mapLevels(m, encoding, range), m.width, m.height, zoom, table, img, cx, cy);
    });
    ctx.putImageData(img, 0, 0);
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.font = '10px ui-monospace, monospace';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    maps.forEach((m, i) => {
      const cx = (i % cols) * (tileW + GAP);
      const cy = Math.floor(i / cols) * (tileH + LABEL + GAP);
      ctx.fillText(String(m.channel), cx + tileW / 2, cy + tileH + 2);
    });
  }, [maps, encoding, colormap, range, cols, zoom, width, height, tileW, tileH]);

  const locate = (e: MouseEvent<HTMLCanvasElement>): number | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * width;
    const y = ((e.clientY - r.top) / r.height) * height;
    const c = Math.floor(x / (tileW + GAP));
    const row = Math.floor(y / (tileH + LABEL + GAP));
    if (x - c * (tileW + GAP) > tileW || y - row * (tileH + LABEL + GAP) > tileH + LABEL) return null;
    const i = row * cols + c;
    return i >= 0 && i < n && c < cols ? i : null;
  };

  const hovered = hover === null ? undefined : maps[hover.i];
  const big = enlarged === null ? undefined : maps[enlarged];
  return (
    <div className="fm-grid" data-testid="feature-maps" data-count={n} data-cols={cols}>
      <label className="fm-tile muted">
        Tile size
        <input
          type="range"
          min={16}
          max={192}
          step={4}
          value={tileW}
          aria-label="Feature map tile size"
          data-testid="tile-size"
          onChange={(e) => setInspect({ tileSize: Number(e.target.value) })}
        />
        <span className="num" data-testid="tile-size-value">
          {tileW} px
        </span>
      </label>
      <canvas
        ref={canvas}
        className="fm-canvas"
        style={{ width, maxWidth: '100%' }}
        aria-label={`${n} feature maps of ${w}×${h}`}
        onMouseMove={(e) => {
          const i = locate(e);
          setHover(i === null ? null : { i, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY });
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const i = locate(e);
          const m = i === null ? undefined : maps[i];
          if (props.onCell === undefined || m === undefined || i === null) {
            setEnlarged(i);
            return;
          }
          const r = e.currentTarget.getBoundingClientRect();
          const px = ((e.clientX - r.left) / r.width) * width - (i % cols) * (tileW + GAP);
          const py = ((e.clientY - r.top) / r.height) * height - Math.floor(i / cols) * (tileH + LABEL + GAP);
          props.onCell(m.channel, Math.min(m.height - 1, Math.max(0, Math.floor(py / zoom))), Math.min(m.width - 1, Math.max(0, Math.floor(px / zoom))));
        }}
      />
      {hovered !== undefined && hover !== null && (
        <div className="fm-tip num" style={{ left: hover.x + 14, top: hover.y + 10 }}>
          channel {hovered.channel} · min {hovered.min.toPrecision(3)} · max {hovered.max.toPrecision(3)}
        </div>
      )}
      {big !== undefined && (
        <Modal title={`Channel ${big.channel} — ${big.width}×${big.height}`} onClose={() => setEnlarged(null)} testId="fm-enlarged">
          <BigMap map={big} encoding={encoding} colormap={colormap} range={range} />
          <p className="muted num">
            min {big.min.toPrecision(4)} · max {big.max.toPrecision(4)} · colour from {range === null ? 'this map' : 'the whole layer'}&apos;s range
          </p>
        </Modal>
      )}
    </div>
  );
}

function BigMap(props: { map: ActivationMap; encoding: 'u8' | 'f32'; colormap: ColormapName; range: { min: number; max: number } | null }) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const { map, encoding, colormap, range } = props;
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    const zoom = Math.max(1, Math.floor(420 / Math.max(map.width, map.height)));
    el.width = map.width * zoom;
    el.height = map.height * zoom;
    const img = ctx.createImageData(el.width, el.height);
    paint(mapLevels(map, encoding, range), map.width, map.height, zoom, lut(colormap), img, 0, 0);
    ctx.putImageData(img, 0, 0);
  }, [map, encoding, colormap, range]);
  return <canvas ref={ref} className="fm-big" />;
}

/** Paints small images (samples, kernels) given as levels; exported for the other views. */
export function LevelsCanvas(props: {
  levels: Float32Array | Uint8ClampedArray;
  width: number;
  height: number;
  rgb?: boolean;
  colormap?: ColormapName;
  zoom?: number;
  className?: string;
  title?: string;
}) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const { levels, width, height, rgb, colormap, zoom: z } = props;
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (el === null || ctx === null || ctx === undefined) return;
    const zoom = z ?? 1;
    el.width = width * zoom;
    el.height = height * zoom;
    const img = ctx.createImageData(el.width, el.height);
    if (rgb === true) {
      for (let y = 0; y < el.height; y++) {
        for (let x = 0; x < el.width; x++) {
          const s = (Math.floor(y / zoom) * width + Math.floor(x / zoom)) * 3;
          const o = (y * el.width + x) * 4;
          for (let c = 0; c < 3; c++) img.data[o + c] = Math.round((levels[s + c] ?? 0) * 255);
          img.data[o + 3] = 255;
        }
      }
    } else {
      const f = levels instanceof Float32Array ? levels : Float32Array.from(levels);
      paint(f, width, height, zoom, lut(colormap ?? 'grey'), img, 0, 0);
    }
    ctx.putImageData(img, 0, 0);
  }, [levels, width, height, rgb, colormap, z]);
  return <canvas ref={ref} className={props.className} title={props.title} />;
}
