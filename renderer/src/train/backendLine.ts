import type { BackendName, TrainEventOf } from '../../../shared/api/training';

/** The backends that failed to start before the one running, each with why (the backend event's own list). */
export type BackendFailures = TrainEventOf<'backend'>['failures'];

/**
 * The backend event as the Train panel shows it: what runs (the engine's detail and its hint), and
 * — apart, as hints — why a faster engine is not running. Shown as one string, the failures read
 * like an error on every run.
 */
export interface BackendLine {
  readonly used: string;
  readonly hints: readonly string[];
}

/** Our faster kernel tiers that did not start are explained by the engine's hint, not listed as failures. */
const ourTiers: ReadonlySet<BackendName> = new Set<BackendName>(['native', 'simd']);

function shownFailures(hint: string | null, failures: BackendFailures): BackendFailures {
  return hint === null ? failures : failures.filter((f) => !ourTiers.has(f.backend));
}

/** The words the engine sent, without the empty ones. */
function said(...parts: readonly (string | null | undefined)[]): string[] {
  return parts.flatMap((p) => (p === null || p === undefined || p.trim() === '' ? [] : [p.trim()]));
}

export function backendLine(b: { readonly detail: string | null; readonly hint: string | null; readonly failures: BackendFailures }): BackendLine {
  const used = said(b.detail, b.hint);
  const failures = shownFailures(b.hint, b.failures);
  const hints = failures.map((f) => `${f.backend} would be faster but is not available here: ${f.reason.trim().replace(/\.$/, '')}.`);
  return { used: used.join(' · '), hints };
}

/** Why no backend could start, for the run's error message: everything the engine said, each failure named. */
export function noBackendMessage(e: TrainEventOf<'backend'>): string {
  const reasons = [...said(e.detail, e.hint), ...shownFailures(e.hint ?? null, e.failures).map((f) => `${f.backend} failed: ${f.reason}`)];
  return reasons.length === 0 ? 'No training backend could start.' : reasons.join(' · ');
}
