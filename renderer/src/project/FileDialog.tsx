import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../shared/api/contract';
import { api } from '../host/api';
import { useStore } from '../state/createStore';
import { formatBytes } from '../ui/format';
import { Modal } from '../ui/Modal';
import { pickerStore } from './filePicker';
import { folderOf, lastFolder, rememberFolder } from './lastFolder';

type Listing = ResponseOf<'fs.list'>;
type Entry = Listing['entries'][number];

/** Browser mode's file dialog: folders and matching files listed by main through fs.list. */
export function FileDialog() {
  const request = useStore(pickerStore, (s) => s);
  if (request === null) return null;
  return <FileDialogBody key={`${request.mode}:${request.title}`} />;
}

function when(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || ms <= 0) return '';
  const today = new Date();
  return d.toDateString() === today.toDateString()
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * Starts in the folder used last (else home); a click on a folder opens it, a click on a file
 * picks it (its name goes into the field), a double-click or Enter on it opens / saves at once.
 * Each row shows the size and the date it was last changed.
 */
function FileDialogBody() {
  const request = useStore(pickerStore, (s) => s);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(request?.defaultName ?? '');
  const [picked, setPicked] = useState<string | null>(null);
  const [sep, setSep] = useState('/');
  const extensions = request?.extensions;
  const list = useRef<HTMLUListElement>(null);

  const show = useCallback(
    async (dir: string): Promise<boolean> => {
      const r = await api().invoke('fs.list', { dir, ...(extensions === undefined ? {} : { extensions: [...extensions] }) });
      if (r.ok) {
        setListing(r.value);
        setError(null);
        setPicked(null);
      } else setError(r.error.message);
      return r.ok;
    },
    [extensions],
  );

  useEffect(() => {
    void api()
      .invoke('fs.home', {})
      .then(async (r) => {
        if (!r.ok) {
          setError(r.error.message);
          return;
        }
        setSep(r.value.sep);
        const last = lastFolder();
        // A remembered folder that has gone away falls back to home.
        if (last === null || !(await show(last))) await show(r.value.home);
      });
  }, [show]);

  if (request === null) return null;
  const cancel = () => request.resolve(null);
  const join = (dir: string, file: string) => (dir.endsWith(sep) ? dir + file : dir + sep + file);
  const finish = (path: string) => {
    const dir = folderOf(path, sep);
    if (dir !== null) rememberFolder(dir);
    request.resolve(path);
  };
  const chooseTyped = () => {
    const typed = name.trim();
    const absolute = typed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(typed);
    // A relative name needs the folder listing; an absolute path does not (it may be typed before it loads).
    if (typed === '' || (!absolute && listing === null)) return;
    finish(absolute || listing === null ? typed : join(listing.dir, typed));
  };
  const pick = (e: Entry) => {
    if (e.kind === 'dir') {
      void show(e.path);
      return;
    }
    setPicked(e.path);
    setName(request.mode === 'save' ? e.name : e.path);
  };
  const choose = (e: Entry) => {
    if (e.kind === 'dir') void show(e.path);
    else finish(e.path);
  };
  return (
    <Modal
      title={request.title}
      onClose={cancel}
      wide
      testId="file-dialog"
      footer={
        <>
          <input
            className="field-input grow"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setPicked(null);
            }}
            placeholder={request.mode === 'save' ? 'File name' : 'Pick a file above, or type its path'}
            onKeyDown={(e) => {
              if (e.key === 'Enter') chooseTyped();
            }}
            data-testid={request.mode === 'save' ? 'file-name' : 'file-path'}
            aria-label={request.mode === 'save' ? 'File name' : 'Path'}
          />
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={chooseTyped} disabled={name.trim() === ''} data-testid="file-save">
            {request.mode === 'save' ? 'Save' : 'Open'}
          </button>
        </>
      }
    >
      <div className="file-dir mono" data-testid="file-dir">
        {listing?.parent != null && (
          <button type="button" className="btn small" onClick={() => listing.parent !== null && void show(listing.parent)} data-testid="file-up">
            ↑ Up
          </button>
        )}
        <span title={listing?.dir} data-testid="file-dir-path">
          {listing?.dir ?? '…'}
        </span>
      </div>
      {error !== null && <div className="field-message">{error}</div>}
      <ul className="file-list" data-testid="file-list" ref={list} role="listbox" aria-label="Files">
        {listing?.entries.map((e) => (
          <li key={e.path}>
            <button
              type="button"
              className={`file-entry ${e.kind}${picked === e.path ? ' picked' : ''}`}
              data-testid="file-entry"
              data-name={e.name}
              aria-selected={picked === e.path}
              onClick={() => pick(e)}
              onDoubleClick={() => choose(e)}
              onKeyDown={(k) => {
                if (k.key === 'Enter') {
                  k.preventDefault();
                  choose(e);
                }
              }}
            >
              <span aria-hidden>{e.kind === 'dir' ? '▸' : '·'}</span>
              <span className="file-name">{e.name}</span>
              <span className="file-size num muted">{e.kind === 'file' ? formatBytes(e.size) : ''}</span>
              <span className="file-date num muted">{when(e.modifiedMs)}</span>
            </button>
          </li>
        ))}
        {listing?.entries.length === 0 && <li className="muted pad">Nothing here with {request.extensions.map((x) => `.${x}`).join(', ')}.</li>}
      </ul>
    </Modal>
  );
}
