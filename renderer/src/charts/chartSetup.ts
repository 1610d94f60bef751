import { Chart, type ChartType, Decimation, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';

/** Only the Chart.js parts the curves use (tree-shaken registration), registered once. */
let registered = false;

export function setupCharts(): typeof Chart {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, Decimation, epochLines);
    registered = true;
  }
  return Chart;
}

export interface EpochLinesOptions {
  /** x positions of the epoch boundaries. */
  readonly at?: readonly number[];
  readonly color?: string;
}

/** Faint vertical lines at the epoch boundaries, so per-batch curves read epoch by epoch. */
const epochLines: Plugin<'line', EpochLinesOptions> = {
  id: 'epochLines',
  beforeDatasetsDraw(chart, _args, options) {
    const xs = options.at ?? [];
    const scale = chart.scales['x'];
    if (scale === undefined || xs.length === 0) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = options.color ?? 'rgba(128,128,128,0.25)';
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 3]);
    for (const x of xs) {
      const px = Math.round(scale.getPixelForValue(x)) + 0.5;
      if (px < chartArea.left || px > chartArea.right) continue;
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
    }
    ctx.restore();
  },
};

declare module 'chart.js' {
  // The type parameter must repeat Chart.js's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    epochLines?: EpochLinesOptions;
  }
}
