import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/api/contract';
import { api } from '../host/api';
import { openDialog } from '../state/uiStore';
import { Modal } from '../ui/Modal';
import { openRecent } from './projectActions';

type Recent = ResponseOf<'project.recent'>['files'];

export function RecentDialog() {
  const [files, setFiles] = useState<Recent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api()
      .invoke('project.recent', {})
      .then((r) => (r.ok ? setFiles(r.value.files) : setError(r.error.message)));
  }, []);
  const close = () => openDialog(null);
  return (
    <Modal title="Open recent" onClose={close} testId="recent-dialog">
      {error !== null && <div className="field-message">{error}</div>}
      {files?.length === 0 && <p className="muted">No recent projects yet.</p>}
      <ul className="file-list">
        {files?.map((f) => (
          <li key={f.path}>
            <button
              type="button"
              className="file-entry"
              disabled={!f.exists}
              data-testid="recent-entry"
              onClick={() => {
                close();
                void openRecent(f.path);
              }}
              title={f.exists ? f.path : `${f.path} (missing)`}
            >
              <b>{f.name}</b> <span className="muted mono">{f.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
