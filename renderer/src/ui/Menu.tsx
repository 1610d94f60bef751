import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly shortcut?: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  readonly testId?: string;
}

/** A small dropdown: a button that opens a list of commands; closes on pick, Escape or outside click. */
export function Menu({ label, items, testId, footer }: { label: ReactNode; items: readonly (MenuItem | 'separator')[]; testId?: string; footer?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" className="btn ghost" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={testId}>
        {label}{' '}
        <span aria-hidden className="caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {items.map((item, i) =>
            item === 'separator' ? (
              <div key={`s${i}`} className="menu-separator" role="separator" />
            ) : (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={item.disabled}
                data-testid={item.testId}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                <span>{item.label}</span>
                {item.shortcut !== undefined && <kbd>{item.shortcut}</kbd>}
              </button>
            ),
          )}
          {footer}
        </div>
      )}
    </div>
  );
}
