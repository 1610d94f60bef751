import { useAppInfo } from '../host/appInfo';

/** Which engine trains: wasm / tensorflow / cpu, with the reason for the others on hover. */
export function BackendBadge() {
  const info = useAppInfo();
  if (info === null) return null;
  const backend = info.backends.default;
  const tip = info.backends.available
    .map((b) => `${b.name}: ${b.available ? 'available' : `unavailable${b.reason === undefined ? '' : ` (${b.reason})`}`}`)
    .join('\n');
  return (
    <span className={`badge backend-${backend}`} title={`Training backend\n${tip}`} data-testid="backend-badge">
      {backend}
    </span>
  );
}
