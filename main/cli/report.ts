import type { Diagnostic } from '../../shared/diagnostics';
import type { CliIo } from './command';

/** One line per diagnostic: "error: Conv2D 'conv2d' has … [spatial-size]". */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${d.message} [${d.code}]`;
}

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
}

export function printWarnings(io: CliIo, warnings: readonly string[]): void {
  for (const w of warnings) io.err(`warning: ${w}\n`);
}
