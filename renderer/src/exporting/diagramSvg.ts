import type { Graph } from '../../../shared/graph/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../shared/layout';
import type { Family } from '../../../shared/layers/types';
import type { ThemeTokens } from '../theme/tokens';

/** What each block shows, computed by the caller from the inference (kept out so this stays pure). */
export interface BlockFace {
  readonly kind: string;
  readonly name: string;
  readonly family: Family | 'unknown';
  readonly detail: string;
  readonly params: string;
  readonly severity: 'error' | 'warning' | null;
}

export interface DiagramInput {
  readonly graph: Graph;
  readonly faces: ReadonlyMap<string, BlockFace>;
  /** Shape label per edge id ("(None, 26, 26, 32)"), null when unknown (dashed wire). */
  readonly edgeLabels: ReadonlyMap<string, string | null>;
  readonly tokens: ThemeTokens;
}

const pad = 40;
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const mono = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The diagram as a standalone SVG document, drawn from the graph and its positions (no DOM
 * capture): blocks with family stripes, wires with their shapes. PNG export rasterises this.
 */
export function diagramSvg(input: DiagramInput): { svg: string; width: number; height: number } {
  const { graph, faces, edgeLabels, tokens: t } = input;
  if (graph.nodes.length === 0) {
    return {
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="${t.canvas}"/></svg>`,
      width: 200,
      height: 80,
    };
  }
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs) - pad;
  const minY = Math.min(...ys) - pad;
  const width = Math.ceil(Math.max(...xs) + NODE_WIDTH + pad - minX);
  const height = Math.ceil(Math.max(...ys) + NODE_HEIGHT + pad - minY);
  const pos = new Map(graph.nodes.map((n) => [n.id, { x: n.position.x - minX, y: n.position.y - minY }]));
  const sockets = new Map<string, number>();
  for (const e of graph.edges) sockets.set(e.target, Math.max(sockets.get(e.target) ?? 1, e.targetIndex + 1));

  const wires: string[] = [];
  const labels: string[] = [];
  for (const e of graph.edges) {
    const s = pos.get(e.source);
    const d = pos.get(e.target);
    if (s === undefined || d === undefined) continue;
    const n = sockets.get(e.target) ?? 1;
    const x1 = s.x + NODE_WIDTH / 2;
    const y1 = s.y + NODE_HEIGHT;
    const x2 = d.x + (NODE_WIDTH * (e.targetIndex + 1)) / (n + 1);
    const y2 = d.y;
    const bend = Math.max(30, Math.abs(y2 - y1) / 2);
    const label = edgeLabels.get(e.id) ?? null;
    wires.push(
      `<path d="M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}" fill="none" stroke="${t.wire}" stroke-width="1.5"${label === null ? ' stroke-dasharray="5 4"' : ''}/>`,
    );
    if (label !== null) {
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      const w = label.length * 6.6 + 10;
      labels.push(
        `<rect x="${mx - w / 2}" y="${my - 9}" width="${w}" height="18" rx="4" fill="${t.canvas}" stroke="${t.border}"/>` +
          `<text x="${mx}" y="${my + 4}" text-anchor="middle" font-family="${mono}" font-size="11" fill="${t.wireLabel}">${esc(label)}</text>`,
      );
    }
  }

  const blocks = graph.nodes.map((node) => {
    const p = pos.get(node.id) ?? { x: 0, y: 0 };
    const f = faces.get(node.id);
    const colour = f === undefined || f.family === 'unknown' ? t.muted : t.families[f.family];
    const border = f?.severity === 'error' ? t.error : f?.severity === 'warning' ? t.warning : t.border;
    const clipId = `c-${node.id.replace(/[^\w-]/g, '_')}`;
    return (
      `<g transform="translate(${p.x},${p.y})">` +
      `<clipPath id="${clipId}"><rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8"/></clipPath>` +
      `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${t.block}" stroke="${border}" stroke-width="${f?.severity == null ? 1 : 2}"/>` +
      `<rect width="${NODE_WIDTH}" height="4" fill="${colour}" clip-path="url(#${clipId})"/>` +
      `<text x="12" y="24" font-family="${font}" font-size="13" font-weight="600" fill="${t.text}">${esc(clip(f?.kind ?? node.kind, 22))}</text>` +
      `<text x="${NODE_WIDTH - 12}" y="24" text-anchor="end" font-family="${font}" font-size="12" fill="${t.muted}" style="font-variant-numeric: tabular-nums">${esc(f?.params ?? '')}</text>` +
      `<text x="12" y="43" font-family="${mono}" font-size="11.5" fill="${t.muted}">${esc(clip(node.name, 30))}</text>` +
      `<text x="12" y="61" font-family="${font}" font-size="12" fill="${t.text}">${esc(clip(f?.detail ?? '', 32))}</text>` +
      `</g>`
    );
  });

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${t.canvas}"/>` +
    wires.join('') +
    blocks.join('') +
    labels.join('') +
    `</svg>`;
  return { svg, width, height };
}
