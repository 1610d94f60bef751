/**
 * The backend event's detail as the Train panel shows it: what runs, and — apart, as a hint — why
 * a faster engine is not running. The engine sends one string such as
 * "native kernels on OpenBLAS 0.3.21, 2 threads · tensorflow failed: @tensorflow/tfjs-node is not
 * installed"; shown whole, it read like an error on every run. Unknown shapes of the string are
 * shown as they are.
 */
export interface BackendLine {
  readonly used: string;
  readonly hints: readonly string[];
}

const failed = /^([\w-]+) (?:failed|unavailable|not available|skipped)(?::\s*|\s+—\s*|\s+-\s*)(.*)$/i;

export function backendLine(detail: string): BackendLine {
  const parts = detail
    .split(' · ')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const used: string[] = [];
  const hints: string[] = [];
  for (const p of parts) {
    const m = failed.exec(p);
    if (m === null) used.push(p);
    else hints.push(`${m[1] ?? ''} would be faster but is not available here: ${(m[2] ?? '').replace(/\.$/, '')}.`);
  }
  return { used: used.join(' · '), hints };
}
