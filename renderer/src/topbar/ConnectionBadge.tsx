import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '../api';
import { api } from '../host/api';

/** Browser mode can lose its server: say so instead of failing silently. */
export function ConnectionBadge() {
  const [status, setStatus] = useState<ConnectionStatus>('open');
  useEffect(() => api().onStatus(setStatus), []);
  if (status === 'open' || status === 'connecting') return null;
  return (
    <span className="badge warn" title="The Blockprop background process is not answering">
      {status === 'closed' ? 'disconnected' : status === 'lost' ? 'server gone' : 'reconnecting…'}
    </span>
  );
}
