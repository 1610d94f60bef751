import type { RunRecord } from '../../../shared/project';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per run and epoch: the run's settings, then the epoch's metrics (Keras history names). */
export function runsCsv(runs: readonly RunRecord[]): string {
  const header = [
    'run',
    'started_at',
    'model',
    'dataset',
    'optimizer',
    'learning_rate',
    'batch_size',
    'backend',
    'epoch',
    'loss',
    'accuracy',
    'val_loss',
    'val_accuracy',
    'duration_ms',
    'test_loss',
    'test_accuracy',
  ];
  const lines = [header.join(',')];
  for (const r of runs) {
    const dataset = r.dataset.kind === 'folder' ? r.dataset.path : r.dataset.kind;
    const rows = r.epochs.length === 0 ? [null] : r.epochs;
    for (const e of rows) {
      lines.push(
        [
          r.id,
          r.startedAt,
          r.model,
          dataset,
          r.training.optimizer.kind,
          r.training.learningRate,
          r.training.batchSize,
          r.backend,
          e === null ? null : e.epoch + 1,
          e?.loss ?? null,
          e?.accuracy ?? null,
          e?.valLoss ?? null,
          e?.valAccuracy ?? null,
          e?.durationMs ?? null,
          r.testLoss,
          r.testAccuracy,
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
