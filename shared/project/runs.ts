import { z } from 'zod';
import { datasetRefSchema, trainingSettingsSchema } from './schema';

/*
 * Training runs kept with the project (the Runs tab): each run's settings, curves
 * and final metrics, so a reopened project still shows and compares its history. Curves are
 * stored compactly: one point per epoch, and the per-batch loss/accuracy thinned to at most
 * MAX_BATCH_POINTS points per run.
 */
export const MAX_RUNS = 30;
export const MAX_BATCH_POINTS = 400;

export const runEpochSchema = z.object({
  epoch: z.number().int().min(0),
  /** Global batch index at the end of this epoch (x position on the batch axis). */
  step: z.number().min(0),
  loss: z.number().nullable(),
  accuracy: z.number().nullable(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  durationMs: z.number().nullable(),
});
export type RunEpoch = z.infer<typeof runEpochSchema>;

/** [step, loss, accuracy|null] — arrays keep the file small. */
export const runBatchPointSchema = z.tuple([z.number(), z.number(), z.number().nullable()]);

export const runRecordSchema = z.object({
  id: z.string().min(1),
  startedAt: z.string(),
  /** The model's name when it ran (graph.name). */
  model: z.string(),
  totalParams: z.number().int().min(0).nullable(),
  training: trainingSettingsSchema,
  dataset: datasetRefSchema,
  limit: z.number().int().positive().nullable(),
  backend: z.string().nullable(),
  status: z.enum(['done', 'stopped', 'error']),
  message: z.string().nullable(),
  stepsPerEpoch: z.number().int().min(0),
  epochs: z.array(runEpochSchema),
  batches: z.array(runBatchPointSchema),
  testAccuracy: z.number().nullable(),
  testLoss: z.number().nullable(),
  samplesPerSecond: z.number().nullable(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** Keeps the readable runs of a file's `runs` array (a broken entry is dropped with a warning). */
export function repairRuns(raw: unknown, warnings: string[]): RunRecord[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    warnings.push('The saved training runs were unreadable and were dropped.');
    return [];
  }
  const runs: RunRecord[] = [];
  let dropped = 0;
  for (const r of raw) {
    const parsed = runRecordSchema.safeParse(r);
    if (parsed.success) runs.push(parsed.data);
    else dropped += 1;
  }
  if (dropped > 0) warnings.push(`${dropped} saved training run${dropped === 1 ? ' was' : 's were'} unreadable and dropped.`);
  return runs.slice(-MAX_RUNS);
}

/** Thins a batch curve to at most `max` points, keeping the first and last. */
export function thinPoints<T>(points: readonly T[], max: number = MAX_BATCH_POINTS): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const p = points[Math.round(i * step)];
    if (p !== undefined) out.push(p);
  }
  return out;
}
