import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '../api';
import { findToken } from '../api';
import { api } from '../host/api';
import { downloadProject } from './downloadProject';

type Cause = 'restarted' | 'stopped' | 'unknown';

/** Asks the page's own origin whether a server still answers there: one with another token refuses ours. */
async function probe(): Promise<Cause> {
  const token = findToken(window.location, typeof sessionStorage === 'undefined' ? null : sessionStorage) ?? '';
  try {
    const r = await fetch(`/api/app.info?token=${encodeURIComponent(token)}`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    return r.status === 403 ? 'restarted' : 'unknown';
  } catch {
    return 'stopped';
  }
}

/**
 * Browser mode after its server went away: say what happened and how to go on. The graph stays
 * in the page (nothing is reloaded); it can be downloaded as a project file and opened in the
 * new session. A server that comes back with the same token clears the banner by itself.
 */
export function ConnectionLostBanner() {
  const [status, setStatus] = useState<ConnectionStatus>('open');
  const [cause, setCause] = useState<Cause>('unknown');
  const [downloaded, setDownloaded] = useState<string | null>(null);
  useEffect(() => api().onStatus(setStatus), []);
  useEffect(() => {
    if (status === 'lost') void probe().then(setCause);
  }, [status]);
  if (status !== 'lost') return null;
  const what =
    cause === 'restarted'
      ? 'Blockprop’s server was restarted: it has a new address, and this page’s link no longer works.'
      : cause === 'stopped'
        ? 'Blockprop’s server has stopped.'
        : 'This page can no longer reach Blockprop’s server.';
  const how =
    cause === 'restarted'
      ? 'Open the new address it printed in its terminal (http://127.0.0.1:…/?token=…), then File → Open the downloaded project.'
      : 'Start it again (npm start, or blockprop web), open the address it prints, then File → Open the downloaded project.';
  return (
    <div className="banner error" role="alert" data-testid="connection-lost">
      <span>
        <b>{what}</b> Your model is still here, with everything since the last save. Download it, then: {how}
        {downloaded !== null && (
          <>
            {' '}
            Downloaded <span className="mono">{downloaded}</span>.
          </>
        )}
      </span>
      <button type="button" className="btn primary small" onClick={() => setDownloaded(downloadProject())} data-testid="download-project">
        Download the project
      </button>
    </div>
  );
}
