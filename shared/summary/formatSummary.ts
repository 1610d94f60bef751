import { formatBytes, formatCount, formatShape } from '../format';
import type { Graph } from '../graph/types';
import type { InferOptions } from '../inference/infer';
import { summaryModel, type SummaryModel } from './summaryJson';

/*
 * Keras 3's model.summary() as plain text: the same columns, widths, wrapping and box rules
 * that keras/src/utils/summary_utils.py prints through rich (88 columns for Sequential-like
 * models, 108 with "Connected to" for functional ones).
 */

type Justify = 'left' | 'right';
interface Column {
  readonly header: string;
  readonly width: number;
  readonly justify: Justify;
}

// rich shrinks Keras's requested widths (positions × line length, plus cell padding) to fit the
// table width; these are the content widths it ends up with.
const sequentialColumns: readonly Column[] = [
  { header: 'Layer (type)', width: 36, justify: 'left' },
  { header: 'Output Shape', width: 27, justify: 'left' },
  { header: 'Param #', width: 15, justify: 'right' },
];
const functionalColumns: readonly Column[] = [
  { header: 'Layer (type)', width: 29, justify: 'left' },
  { header: 'Output Shape', width: 25, justify: 'left' },
  { header: 'Param #', width: 15, justify: 'right' },
  { header: 'Connected to', width: 26, justify: 'left' },
];

/** rich's word wrap (divide_line without folding) and ellipsis for words wider than the cell. */
export function wrapCell(text: string, width: number): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [''];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const bare = word.trimEnd();
    if (line.length > 0 && width - line.length < bare.length) {
      lines.push(line);
      line = word;
    } else {
      line += word;
    }
  }
  lines.push(line);
  return lines.map((l) => {
    const t = l.trimEnd();
    return t.length > width ? `${t.slice(0, width - 1)}…` : t;
  });
}

function rule(columns: readonly Column[], left: string, fill: string, mid: string, right: string): string {
  return left + columns.map((c) => fill.repeat(c.width + 2)).join(mid) + right;
}

function rowLines(columns: readonly Column[], cells: readonly string[], bar: string): string[] {
  const wrapped = columns.map((c, i) => wrapCell(cells[i] ?? '', c.width));
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = columns.map((c, i) => {
      const t = wrapped[i]?.[k] ?? '';
      return ` ${c.justify === 'right' ? t.padStart(c.width) : t.padEnd(c.width)} `;
    });
    out.push(bar + parts.join(bar) + bar);
  }
  return out;
}

export function renderSummary(model: SummaryModel): string {
  const columns = model.sequentialLike ? sequentialColumns : functionalColumns;
  const lines: string[] = [`Model: "${model.name}"`];
  lines.push(rule(columns, '┏', '━', '┳', '┓'));
  lines.push(
    ...rowLines(
      columns,
      columns.map((c) => c.header),
      '┃',
    ),
  );
  lines.push(rule(columns, '┡', '━', '╇', '┩'));
  model.rows.forEach((row, i) => {
    if (i > 0) lines.push(rule(columns, '├', '─', '┼', '┤'));
    const cells = [
      `${row.node.name} (${row.node.kind})`,
      row.outputShape ? formatShape(row.outputShape) : '?',
      formatCount(row.params),
      row.connectedTo.length > 0 ? row.connectedTo.join(', ') : '-',
    ];
    lines.push(...rowLines(columns, cells, '│'));
  });
  lines.push(rule(columns, '└', '─', '┴', '┘'));
  // Weights are float32: 4 bytes per parameter, as Keras counts them.
  const total = model.trainable + model.nonTrainable;
  lines.push(` Total params: ${formatCount(total)} (${formatBytes(total * 4)})`);
  lines.push(` Trainable params: ${formatCount(model.trainable)} (${formatBytes(model.trainable * 4)})`);
  lines.push(` Non-trainable params: ${formatCount(model.nonTrainable)} (${formatBytes(model.nonTrainable * 4)})`);
  return lines.join('\n');
}

/** Keras 3's `model.summary()` text for this graph (no trailing newline). */
export function formatSummary(graph: Graph, opts: InferOptions = {}): string {
  return renderSummary(summaryModel(graph, opts));
}
