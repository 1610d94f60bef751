/**
 * The engine's training events (issue 3 §4, shared/api/training.ts) as the panel uses them:
 * epochs and batches arrive counted from 1 (as Keras prints them) and are turned 0-based here. The contract keeps the
 * event body loose (`{event, …}`), so each kind is read here field by field with guards; a
 * field spelled camelCase or snake_case (samplesPerSecond / samples_per_second) is accepted.
 */
export type TrainUpdate =
  | { readonly kind: 'backend'; readonly backend: string; readonly reason: string | null }
  | { readonly kind: 'dataset'; readonly progress: number | null; readonly message: string | null }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'start'; readonly epochs: number; readonly stepsPerEpoch: number; readonly memoryEstimateMb: number | null }
  | { readonly kind: 'batch'; readonly epoch: number; readonly batch: number; readonly loss: number; readonly accuracy: number | null; readonly samplesPerSecond: number | null }
  | {
      readonly kind: 'epoch';
      readonly epoch: number;
      readonly loss: number;
      readonly accuracy: number | null;
      readonly valLoss: number | null;
      readonly valAccuracy: number | null;
      readonly durationMs: number | null;
      readonly etaMs: number | null;
    }
  | { readonly kind: 'stopped'; readonly reason: string; readonly message: string | null }
  | { readonly kind: 'error'; readonly code: string; readonly message: string }
  | {
      readonly kind: 'done';
      readonly testAccuracy: number | null;
      readonly testLoss: number | null;
      readonly samplesPerSecond: number | null;
      readonly backend: string | null;
      readonly epochs: number | null;
    };

type Loose = Readonly<Record<string, unknown>>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The first field present as a finite number, looking at each name in turn. */
function pick(o: Loose, ...names: string[]): number | null {
  for (const n of names) {
    const v = num(o[n]);
    if (v !== null) return v;
  }
  return null;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** accuracy from `{metrics: {accuracy}}`, `{accuracy}`, `{acc}` (and val_ variants). */
function metric(o: Loose, name: 'accuracy' | 'val_accuracy'): number | null {
  const direct = pick(o, name, camel(name), name === 'accuracy' ? 'acc' : 'val_acc');
  if (direct !== null) return direct;
  const holders = name === 'accuracy' ? ['metrics'] : ['val_metrics', 'valMetrics', 'val'];
  for (const h of holders) {
    const m = o[h];
    if (isObject(m)) {
      const v = pick(m, 'accuracy', 'acc', name);
      if (v !== null) return v;
    }
  }
  if (name === 'val_accuracy' && isObject(o['metrics'])) return pick(o['metrics'], 'val_accuracy', 'valAccuracy');
  return null;
}

function valLoss(o: Loose): number | null {
  const direct = pick(o, 'val_loss', 'valLoss');
  if (direct !== null) return direct;
  for (const h of ['val', 'val_metrics', 'valMetrics']) {
    const m = o[h];
    if (isObject(m)) {
      const v = pick(m, 'loss', 'val_loss');
      if (v !== null) return v;
    }
  }
  return null;
}

/** Reads one 'train.event' body; null for kinds the panel does not show or malformed bodies. */
// Typed loosely on purpose: it reads any event-shaped body and drops what it cannot use.
export function readTrainEvent(body: { readonly event: string }): TrainUpdate | null {
  const o: Loose = body;
  switch (body.event) {
    case 'backend': {
      const backend = str(o['backend']);
      const failures = Array.isArray(o['failures'])
        ? o['failures'].flatMap((f) => (isObject(f) && typeof f['backend'] === 'string' && typeof f['reason'] === 'string' ? [`${f['backend']} failed: ${f['reason']}`] : []))
        : [];
      const reason = [str(o['detail']) ?? str(o['reason']), ...failures].filter((x): x is string => x !== null).join(' · ');
      return backend === null ? { kind: 'error', code: 'backend', message: reason === '' ? 'No training backend could start.' : reason } : { kind: 'backend', backend, reason: reason === '' ? null : reason };
    }
    case 'dataset': {
      const loaded = pick(o, 'loaded');
      const total = pick(o, 'total');
      const phase = str(o['phase']);
      const progress = pick(o, 'progress') ?? (loaded !== null && total !== null && total > 0 ? loaded / total : null);
      const count = loaded === null ? '' : ` ${Math.round(loaded).toLocaleString('en-US')}${total === null ? '' : ` / ${Math.round(total).toLocaleString('en-US')}`}`;
      return { kind: 'dataset', progress, message: str(o['message']) ?? (phase === null ? null : `${phase}${count}`) };
    }
    case 'warning': {
      const message = str(o['message']);
      return message === null ? null : { kind: 'warning', message };
    }
    case 'start': {
      const epochs = pick(o, 'epochs');
      const steps = pick(o, 'stepsPerEpoch', 'steps_per_epoch');
      if (epochs === null || steps === null) return null;
      return { kind: 'start', epochs, stepsPerEpoch: steps, memoryEstimateMb: pick(o, 'memoryEstimateMb', 'memory_estimate_mb') };
    }
    case 'batch': {
      const epoch = pick(o, 'epoch');
      const batch = pick(o, 'batch');
      const loss = pick(o, 'loss');
      if (epoch === null || batch === null || loss === null) return null;
      return { kind: 'batch', epoch: epoch - 1, batch: batch - 1, loss, accuracy: metric(o, 'accuracy'), samplesPerSecond: pick(o, 'samplesPerSecond', 'samples_per_second') };
    }
    case 'epoch': {
      const epoch = pick(o, 'epoch');
      const loss = pick(o, 'loss');
      if (epoch === null || loss === null) return null;
      return {
        kind: 'epoch',
        epoch: epoch - 1,
        loss,
        accuracy: metric(o, 'accuracy'),
        valLoss: valLoss(o),
        valAccuracy: metric(o, 'val_accuracy'),
        durationMs: pick(o, 'durationMs', 'duration_ms'),
        etaMs: pick(o, 'etaMs', 'eta_ms'),
      };
    }
    case 'stopped':
      return { kind: 'stopped', reason: str(o['reason']) ?? 'user', message: str(o['message']) };
    case 'error':
      return { kind: 'error', code: str(o['code']) ?? 'error', message: str(o['message']) ?? 'The training stopped with an error.' };
    case 'done':
      return {
        kind: 'done',
        testAccuracy: pick(o, 'test_accuracy', 'testAccuracy'),
        testLoss: pick(o, 'test_loss', 'testLoss'),
        samplesPerSecond: pick(o, 'samples_per_second', 'samplesPerSecond'),
        backend: str(o['backend']),
        epochs: pick(o, 'epochs'),
      };
    default:
      return null;
  }
}
