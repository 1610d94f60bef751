import type { Diagnostic } from '../../../shared/diagnostics';

export function DiagnosticList({ diagnostics, onPick }: { diagnostics: readonly Diagnostic[]; onPick?: (d: Diagnostic) => void }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="diagnostics" data-testid="diagnostics">
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic sev-${d.severity}`} data-testid="diagnostic" data-node={d.nodeId ?? ''}>
          <span className="sev-icon" aria-label={d.severity}>
            {d.severity === 'error' ? '!' : d.severity === 'warning' ? '▲' : 'i'}
          </span>
          {onPick !== undefined && d.nodeId !== undefined ? (
            <button type="button" className="link" onClick={() => onPick(d)}>
              {d.message}
            </button>
          ) : (
            <span>{d.message}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
