import { useState, type ReactNode } from 'react';
import './note.css';

const KEY = 'blockprop.notes.closed';

function closedNotes(): Set<string> {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * "What am I looking at": a short, collapsible explanation at the top of a panel. Once closed
 * it stays closed (remembered per note id) but its title remains, one click away.
 */
export function Note(props: { id: string; title?: string; children: ReactNode }) {
  const [open, setOpen] = useState(() => !closedNotes().has(props.id));
  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      const set = closedNotes();
      if (next) set.delete(props.id);
      else set.add(props.id);
      localStorage.setItem(KEY, JSON.stringify([...set]));
    } catch {
      /* storage unavailable: the note just is not remembered */
    }
  };
  return (
    <div className={`note${open ? ' open' : ''}`} data-testid={`note-${props.id}`}>
      <button type="button" className="note-toggle" onClick={toggle} aria-expanded={open}>
        <span className="note-icon" aria-hidden>
          ?
        </span>{' '}
        {props.title ?? 'What am I looking at?'} <span className="caret">{open ? '▴' : '▾'}</span>
      </button>
      {open && <div className="note-body">{props.children}</div>}
    </div>
  );
}
