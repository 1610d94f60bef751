import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/api/contract';
import { api } from '../host/api';
import { appInfoStore } from '../host/appInfo';
import { Modal } from '../ui/Modal';

type Listing = ResponseOf<'fs.list'>;

/** Asks for an image folder: the native dialog in Electron, else this in-app one. */
export async function pickFolderNative(): Promise<string | null | 'in-app'> {
  if (appInfoStore.getState()?.nativeDialogs !== true) return 'in-app';
  const r = await api().invoke('dialog.open', { title: 'Choose an image folder (one sub-folder per class)', directory: true });
  return r.ok ? r.value.path : null;
}

/** Browses folders through fs.list; "Use this folder" picks the one shown. */
export function FolderPicker(props: { start: string | null; onPick: (path: string) => void; onClose: () => void }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async (dir: string) => {
    const r = await api().invoke('fs.list', { dir, extensions: ['jpg', 'jpeg', 'png'] });
    if (r.ok) {
      setListing(r.value);
      setError(null);
    } else setError(r.error.message);
  };
  useEffect(() => {
    void (async () => {
      if (props.start !== null) {
        await go(props.start);
        return;
      }
      const home = await api().invoke('fs.home', {});
      if (home.ok) await go(home.value.cwd);
    })();
  }, [props.start]);
  const dirs = listing?.entries.filter((e) => e.kind === 'dir') ?? [];
  const images = listing?.entries.filter((e) => e.kind === 'file').length ?? 0;
  return (
    <Modal
      title="Choose an image folder"
      onClose={props.onClose}
      testId="folder-picker"
      footer={
        <>
          <span className="muted grow">
            One sub-folder per class, e.g. <span className="mono">cats/</span> and <span className="mono">dogs/</span>.
          </span>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={listing === null}
            onClick={() => listing !== null && props.onPick(listing.dir)}
            data-testid="use-folder"
          >
            Use this folder
          </button>
        </>
      }
    >
      <div className="file-dir mono">{listing?.dir ?? '…'}</div>
      {error !== null && <p className="field-message">{error}</p>}
      <ul className="file-list">
        {listing?.parent != null && (
          <li>
            <button type="button" className="file-entry dir" onClick={() => listing.parent !== null && void go(listing.parent)}>
              ↑ ..
            </button>
          </li>
        )}
        {dirs.map((d) => (
          <li key={d.path}>
            <button type="button" className="file-entry dir" onClick={() => void go(d.path)}>
              📁 {d.name}
            </button>
          </li>
        ))}
        {dirs.length === 0 && <li className="muted pad">No sub-folders here{images > 0 ? ` (${images} images)` : ''}.</li>}
      </ul>
    </Modal>
  );
}
