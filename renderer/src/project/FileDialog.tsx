import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/api/contract';
import { api } from '../host/api';
import { useStore } from '../state/createStore';
import { Modal } from '../ui/Modal';
import { pickerStore } from './filePicker';

type Listing = ResponseOf<'fs.list'>;

/** Browser mode's file dialog: folders and matching files listed by main through fs.list. */
export function FileDialog() {
  const request = useStore(pickerStore, (s) => s);
  if (request === null) return null;
  return <FileDialogBody key={`${request.mode}:${request.title}`} />;
}

function FileDialogBody() {
  const request = useStore(pickerStore, (s) => s);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(request?.defaultName ?? '');
  const [sep, setSep] = useState('/');
  const extensions = request?.extensions;

  const list = useCallback(async (dir: string) => {
    const r = await api().invoke('fs.list', { dir, ...(extensions === undefined ? {} : { extensions: [...extensions] }) });
    if (r.ok) { setListing(r.value); setError(null); } else setError(r.error.message);
  }, [extensions]);

  useEffect(() => {
    void api().invoke('fs.home', {}).then((r) => {
      if (r.ok) { setSep(r.value.sep); void list(r.value.cwd); } else setError(r.error.message);
    });
  }, [list]);

  if (request === null) return null;
  const cancel = () => request.resolve(null);
  const join = (dir: string, file: string) => (dir.endsWith(sep) ? dir + file : dir + sep + file);
  const chooseTyped = () => {
    const typed = name.trim();
    const absolute = typed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(typed);
    // A relative name needs the folder listing; an absolute path does not (it may be typed before it loads).
    if (typed === '' || (!absolute && listing === null)) return;
    request.resolve(absolute || listing === null ? typed : join(listing.dir, typed));
  };
  return (
    <Modal title={request.title} onClose={cancel} wide testId="file-dialog" footer={
      <>
        <input className="field-input grow" value={name} onChange={(e) => setName(e.target.value)}
          placeholder={request.mode === 'save' ? 'File name' : 'Pick a file above, or type its path'}
          onKeyDown={(e) => { if (e.key === 'Enter') chooseTyped(); }}
          data-testid={request.mode === 'save' ? 'file-name' : 'file-path'} aria-label={request.mode === 'save' ? 'File name' : 'Path'} />
        <button type="button" className="btn" onClick={cancel}>Cancel</button>
        <button type="button" className="btn primary" onClick={chooseTyped} disabled={name.trim() === ''} data-testid="file-save">
          {request.mode === 'save' ? 'Save' : 'Open'}
        </button>
      </>
    }>
      <div className="file-dir mono" data-testid="file-dir">
        {listing?.parent != null && <button type="button" className="btn small" onClick={() => listing.parent !== null && void list(listing.parent)}>↑ Up</button>}
        <span title={listing?.dir}>{listing?.dir ?? '…'}</span>
      </div>
      {error !== null && <div className="field-message">{error}</div>}
      <ul className="file-list" data-testid="file-list">
        {listing?.entries.map((e) => (
          <li key={e.path}>
            <button type="button" className={`file-entry ${e.kind}`} data-testid="file-entry" data-name={e.name}
              onClick={() => (e.kind === 'dir' ? void list(e.path) : request.mode === 'open' ? request.resolve(e.path) : setName(e.name))}>
              <span aria-hidden>{e.kind === 'dir' ? '▸' : '·'}</span> {e.name}
            </button>
          </li>
        ))}
        {listing?.entries.length === 0 && <li className="muted pad">Nothing here with {request.extensions.map((x) => `.${x}`).join(', ')}.</li>}
      </ul>
    </Modal>
  );
}
