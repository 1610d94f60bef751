/** One line on a curve chart. Points are {x, y}; x is the global batch (or epoch) number. */
export interface CurveSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly points: { x: number; y: number }[];
  /** Validation curves are dashed, beside the solid training curve of the same colour. */
  readonly dashed?: boolean;
  /** Raw per-batch values are drawn faint behind their smoothed line. */
  readonly faint?: boolean;
  /** Per-epoch values get markers. */
  readonly markers?: boolean;
  /** Hidden from the legend (the faint raw curves). */
  readonly noLegend?: boolean;
}

export interface CurveChartModel {
  readonly series: readonly CurveSeries[];
  readonly boundaries: readonly number[];
  readonly xLabel: string;
  /** Accuracy charts: axis 0–1 shown as %. */
  readonly percent: boolean;
  /** Maps an x value to the tooltip title, e.g. "epoch 2 · batch 31". */
  readonly describeX?: (x: number) => string;
}

/** Metric colours: the same for training (solid) and validation (dashed). */
export const curveColors = {
  loss: '#f0883e',
  accuracy: '#4c9aff',
} as const;

/** Colours for overlaid runs (Runs tab), distinct and readable in both themes. */
export const runPalette = ['#4c9aff', '#f0883e', '#3fb950', '#d2a8ff', '#e5609a', '#3fb9a8', '#d4a72c', '#a3acb9'] as const;

export function runColor(i: number): string {
  return runPalette[i % runPalette.length] ?? '#4c9aff';
}
