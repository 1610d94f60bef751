/**
 * Errors are values for users: every user mistake comes back as a diagnostic whose message
 * names the block and says how to fix it. Throw only for programmer bugs.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. 'spatial-size', 'merge-shape-mismatch'. */
  readonly code: string;
  /** A sentence for a person: names the block, says what is wrong and how to fix it. */
  readonly message: string;
  readonly nodeId?: string;
  /** The parameter the diagnostic is about, when there is one (the inspector highlights it). */
  readonly param?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** How many errors and warnings a list holds (the CLI's verdict, the Problems badge, the model facts). */
export function countProblems(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
