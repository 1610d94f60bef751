import type { RunRecord } from '../../../shared/project';
import { formatCount } from '../ui/format';

/**
 * How far a run got, as the Runs table says it: "3/3 ep." for a finished run, and for one stopped
 * inside an epoch the batches too ("0/1 ep. · 13/300 batches") — counting whole epochs alone
 * listed a run stopped after 13 batches as "0/1 ep.", as if it had not trained at all.
 */
export function runProgressText(run: RunRecord): string {
  const epochs = `${run.epochs.length}/${run.training.epochs} ep.`;
  const lastStep = run.batches[run.batches.length - 1]?.[0] ?? 0;
  const intoEpoch = run.stepsPerEpoch > 0 ? lastStep - run.epochs.length * run.stepsPerEpoch : 0;
  if (run.epochs.length >= run.training.epochs || intoEpoch <= 0) return epochs;
  return `${epochs} · ${formatCount(intoEpoch)}/${formatCount(run.stepsPerEpoch)} batches`;
}
