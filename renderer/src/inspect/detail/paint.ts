import type { InspectImage } from '../../../../shared/api/inspect';
import { downloadUrl, fileStem } from '../../ui/download';
import { lut, type ColormapName } from '../colormap';
import { base64Bytes } from '../decode';

/** Canvas helpers of the detail, saliency and Grad-CAM views: pixel-sharp planes, overlays, 2× PNGs. */

export interface PlaneData {
  readonly width: number;
  readonly height: number;
  readonly data: readonly number[];
}

export function rangeOf(data: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** Paints a plane with a colour map at an integer zoom into ctx at (ox, oy); cells where `shown` is false stay as they are. */
export function paintPlane(
  ctx: CanvasRenderingContext2D,
  p: PlaneData,
  zoom: number,
  colormap: ColormapName,
  ox = 0,
  oy = 0,
  range = rangeOf(p.data),
  shown?: (i: number) => boolean,
  alpha = 1,
): void {
  const table = lut(colormap);
  const span = range.max - range.min;
  for (let i = 0; i < p.width * p.height; i++) {
    if (shown !== undefined && !shown(i)) continue;
    const t = span > 0 ? ((p.data[i] ?? 0) - range.min) / span : 0;
    const c = Math.round(Math.min(1, Math.max(0, t)) * 255) * 3;
    ctx.fillStyle = `rgba(${table[c] ?? 0},${table[c + 1] ?? 0},${table[c + 2] ?? 0},${alpha})`;
    ctx.fillRect(ox + (i % p.width) * zoom, oy + Math.floor(i / p.width) * zoom, zoom, zoom);
  }
}

/** The sample image (8-bit gray or RGB) at an integer zoom. */
export function paintImage(ctx: CanvasRenderingContext2D, image: InspectImage, zoom: number, ox = 0, oy = 0): void {
  const bytes = base64Bytes(image.data);
  const c = image.channels;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const o = (y * image.width + x) * c;
      const r = bytes[o] ?? 0;
      ctx.fillStyle = c === 3 ? `rgb(${r},${bytes[o + 1] ?? 0},${bytes[o + 2] ?? 0})` : `rgb(${r},${r},${r})`;
      ctx.fillRect(ox + x * zoom, oy + y * zoom, zoom, zoom);
    }
  }
}

/** A vertical colour scale with its min and max, for overlays. */
export function paintScale(ctx: CanvasRenderingContext2D, colormap: ColormapName, x: number, y: number, h: number, min: string, max: string): void {
  const table = lut(colormap);
  for (let i = 0; i < h; i++) {
    const c = Math.round((1 - i / (h - 1)) * 255) * 3;
    ctx.fillStyle = `rgb(${table[c] ?? 0},${table[c + 1] ?? 0},${table[c + 2] ?? 0})`;
    ctx.fillRect(x, y + i, 12, 1);
  }
  ctx.fillStyle = getComputedStyle(document.body).color;
  ctx.font = '10px ui-monospace, monospace';
  ctx.textBaseline = 'top';
  ctx.fillText(max, x + 16, y);
  ctx.textBaseline = 'bottom';
  ctx.fillText(min, x + 16, y + h);
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/**
 * The canvases of a view side by side at 2× (pixel-doubled, no smoothing), on the panel's
 * background with a caption: a PNG for slides.
 */
export function snapshot(canvases: readonly HTMLCanvasElement[], caption: string): HTMLCanvasElement {
  const gap = 24;
  const scale = 2;
  const top = 30;
  const width = canvases.reduce((s, c) => s + c.width, 0) + gap * Math.max(0, canvases.length - 1) + 2 * gap;
  const height = Math.max(...canvases.map((c) => c.height), 1) + top + gap;
  const out = document.createElement('canvas');
  out.width = width * scale;
  out.height = height * scale;
  const ctx = out.getContext('2d');
  if (ctx === null) return out;
  ctx.scale(scale, scale);
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = cssVar('--panel', '#1a1d23');
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = cssVar('--text', '#e6e6e6');
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(caption, gap, 9);
  let x = gap;
  for (const c of canvases) {
    ctx.drawImage(c, x, top);
    x += c.width + gap;
  }
  return out;
}

/** Saves the view's canvases as NAME.png at 2×. */
export function savePng(canvases: readonly HTMLCanvasElement[], caption: string, name: string): void {
  downloadUrl(snapshot(canvases, caption).toDataURL('image/png'), `${fileStem(name)}@2x.png`);
}

/** Copies the PNG to the clipboard; resolves to a message for a toast. */
export async function copyPng(canvases: readonly HTMLCanvasElement[], caption: string): Promise<string> {
  const canvas = snapshot(canvases, caption);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) return 'Could not make the PNG.';
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return `Copied a ${canvas.width}×${canvas.height} PNG.`;
  } catch {
    return 'The clipboard refused the image here; use Save PNG instead.';
  }
}
