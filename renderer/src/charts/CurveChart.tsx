import { useEffect, useRef } from 'react';
import type { Chart as ChartType, ChartDataset } from 'chart.js';
import { downloadUrl, fileStem } from '../ui/download';
import { setupCharts } from './chartSetup';
import type { CurveChartModel, CurveSeries } from './curveTypes';
import './charts.css';

/** The chart as a PNG on the panel's background (a transparent PNG is unreadable on white). */
function chartPng(el: HTMLCanvasElement): string {
  const out = document.createElement('canvas');
  out.width = el.width;
  out.height = el.height;
  const ctx = out.getContext('2d');
  if (ctx === null) return el.toDataURL('image/png');
  ctx.fillStyle = cssVar('--panel', '#1a1d23');
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(el, 0, 0);
  return out.toDataURL('image/png');
}

function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (m === null || m[1] === undefined) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

function toDataset(s: CurveSeries): ChartDataset<'line', { x: number; y: number }[]> {
  return {
    label: s.label,
    data: s.points,
    borderColor: s.faint === true ? withAlpha(s.color, 0.22) : s.color,
    backgroundColor: s.color,
    borderWidth: s.faint === true ? 1 : s.markers === true ? 2 : 1.75,
    borderDash: s.dashed === true ? [6, 4] : [],
    pointRadius: s.markers === true ? 3 : 0,
    pointHoverRadius: s.markers === true ? 5 : 3,
    pointHitRadius: 6,
    tension: 0,
    parsing: false,
    normalized: true,
    spanGaps: true,
  };
}

function cssVar(name: string, fallback: string): string {
  if (typeof getComputedStyle !== 'function') return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/**
 * One Chart.js line chart. The model may change every animation frame: datasets are updated in
 * place and redrawn with update('none') (no animation, no re-layout of React).
 */
export function CurveChart(props: { model: CurveChartModel; title: string; height?: number; testId?: string; fileName?: string }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<ChartType<'line', { x: number; y: number }[]> | null>(null);
  const modelRef = useRef(props.model);
  modelRef.current = props.model;

  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const Chart = setupCharts();
    const text = cssVar('--muted', '#a3acb9');
    const grid = cssVar('--border', '#323843');
    const c = new Chart<'line', { x: number; y: number }[]>(el, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'batch', color: text },
            ticks: { color: text, maxTicksLimit: 8 },
            grid: { color: grid, display: false },
          },
          y: { type: 'linear', ticks: { color: text, maxTicksLimit: 6 }, grid: { color: grid } },
        },
        plugins: {
          // One short line above the plot (the chart's title says loss or accuracy): three lines of legend squeezed it.
          legend: {
            align: 'end',
            labels: {
              color: text,
              boxWidth: 12,
              boxHeight: 2,
              padding: 8,
              font: { size: 10.5 },
              filter: (item, data) => !String(data.datasets[item.datasetIndex ?? 0]?.label ?? '').startsWith('·'),
            },
          },
          tooltip: {
            callbacks: {
              title: (items) => {
                const x = items[0]?.parsed.x;
                const describe = modelRef.current.describeX;
                return x === undefined || x === null ? '' : describe === undefined ? `x ${x}` : describe(x);
              },
              label: (item) => {
                const y = item.parsed.y;
                if (y === null) return '';
                const v = modelRef.current.percent ? `${(y * 100).toFixed(2)} %` : y.toPrecision(4);
                return `${item.dataset.label ?? ''}: ${v}`;
              },
            },
          },
          decimation: { enabled: true, algorithm: 'lttb', samples: 600 },
          epochLines: { at: [], color: withAlpha('#8b949e', 0.45) },
        },
      },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
    // Created once; the model is applied by the effect below.
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (c === null) return;
    const m = props.model;
    const sets = m.series.map((s) => {
      const d = toDataset(s);
      if (s.noLegend === true) d.label = `· ${s.label}`;
      return d;
    });
    c.data.datasets = sets;
    const x = c.options.scales?.['x'];
    if (x !== undefined && x.title !== undefined) x.title.text = m.xLabel;
    const y = c.options.scales?.['y'];
    if (y !== undefined) {
      if (m.percent) {
        y.min = 0;
        y.max = 1;
        if (y.ticks !== undefined) y.ticks.callback = (v) => `${Math.round(Number(v) * 100)} %`;
      } else {
        y.min = undefined;
        y.max = undefined;
        if (y.ticks !== undefined)
          y.ticks.callback = (v) =>
            Number(v)
              .toPrecision(3)
              .replace(/\.?0+$/, '');
      }
    }
    const plugins = c.options.plugins;
    if (plugins !== undefined) plugins.epochLines = { ...(plugins.epochLines ?? {}), at: m.boundaries };
    c.update('none');
  }, [props.model]);

  return (
    <div className="curve-chart" data-testid={props.testId}>
      <div className="curve-title">
        <span>{props.title}</span>
        <button
          type="button"
          className="icon-btn small"
          title="Save this chart as PNG"
          aria-label={`Save the ${props.title} chart as PNG`}
          onClick={() => canvas.current !== null && downloadUrl(chartPng(canvas.current), `${fileStem(props.fileName ?? props.title)}.png`)}
        >
          ⤓
        </button>
      </div>
      <div className="curve-canvas" style={{ height: props.height ?? 200 }}>
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
    </div>
  );
}
