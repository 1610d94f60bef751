import type { TrainEvent } from '../../shared/api/training';
import { camelToSnake } from '../../shared/keras/case';

/**
 * One `train --json` line for an engine event. The CLI's JSON speaks Keras's vocabulary: keys in
 * snake_case as `model.fit()`'s logs and `summary --json` spell them (`val_loss`, `test_accuracy`,
 * `samples_per_second`, `steps_per_epoch`), while the contract stays camelCase. This is the only
 * place the two meet. Metric names inside `metrics` are already Keras's and pass unchanged.
 */
export function trainEventJson(event: TrainEvent): string {
  return JSON.stringify(snakeKeys(event));
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelToSnake(k), snakeKeys(v)]));
}
