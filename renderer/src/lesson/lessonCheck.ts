import { formatShape } from '../../../shared/format';
import type { Graph } from '../../../shared/graph/types';
import { summaryModel } from '../../../shared/summary';
import type { LessonStep } from './lessonSteps';

/** Does the model on the canvas equal the chapter's printed summary? Row by row, then the total. */
export interface LessonCheck {
  readonly ok: boolean;
  /** What matches, or the first differences, in words. */
  readonly lines: readonly { readonly ok: boolean; readonly text: string }[];
}

export function checkAgainstChapter(graph: Graph, step: LessonStep): LessonCheck | null {
  if (step.summary === null && step.totalParams === null) return null;
  if (graph.nodes.length === 0)
    return { ok: false, lines: [{ ok: false, text: 'The canvas is empty: load the chapter’s model or build it from the palette.' }] };
  const model = summaryModel(graph);
  const rows = model.rows.filter((r) => r.node.kind !== 'InputLayer');
  const lines: { ok: boolean; text: string }[] = [];
  if (step.summary !== null) {
    if (rows.length !== step.summary.length)
      lines.push({ ok: false, text: `The chapter’s model has ${step.summary.length} layers after the input; this one has ${rows.length}.` });
    step.summary.forEach((want, i) => {
      const row = rows[i];
      if (row === undefined) return;
      const shape = row.outputShape === null ? 'unknown' : formatShape(row.outputShape);
      if (shape !== want.shape || row.params !== want.params) {
        lines.push({
          ok: false,
          text: `Layer ${i + 1} (${row.node.kind} '${row.node.name}'): ${shape}, ${row.params.toLocaleString('en-US')} params — the chapter prints ${want.shape}, ${want.params.toLocaleString('en-US')}.`,
        });
      }
    });
    if (lines.length === 0) lines.push({ ok: true, text: `All ${rows.length} layers have the chapter’s output shapes and parameter counts.` });
  }
  if (step.totalParams !== null) {
    const total = model.trainable + model.nonTrainable;
    const same = total === step.totalParams;
    lines.push({
      ok: same,
      text: same
        ? `Total params: ${total.toLocaleString('en-US')}, as the chapter prints.`
        : `Total params: ${total.toLocaleString('en-US')}; the chapter’s model has ${step.totalParams.toLocaleString('en-US')}.`,
    });
  }
  return { ok: lines.every((l) => l.ok), lines: lines.slice(0, 4) };
}

/** "about 3 h 20 min" for the chapter's VGG run at the measured speed. */
export function estimateDuration(images: number, epochs: number, samplesPerSecond: number): string {
  const s = (images * epochs) / samplesPerSecond;
  if (s < 90) return `about ${Math.round(s)} s`;
  if (s < 5400) return `about ${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return h >= 48 ? `about ${Math.round(h / 24)} days` : `about ${h} h ${m} min`;
}
