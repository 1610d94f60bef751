import { useEffect, useRef, type ReactNode } from 'react';

/** The first field a person would type into, else the dialog box itself. */
function initialFocus(box: HTMLElement): HTMLElement {
  const field =
    box.querySelector<HTMLElement>('[data-autofocus]') ??
    box.querySelector<HTMLElement>('.modal-body input:not([type=checkbox]):not([type=radio]), .modal-body textarea, .modal-footer input');
  return field ?? box;
}

/** A centred dialog over a dimmed app; Escape or the backdrop closes it. */
export function Modal({
  title,
  onClose,
  children,
  footer,
  wide,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Callers pass a fresh onClose on every render. Reading it through a ref keeps the effect below
  // mount-only: re-running it on each render (each keystroke in a field re-renders the caller)
  // moved focus back to the box, so typing kept only the first character.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the topmost dialog closes (the file dialog sits over the export dialog).
      const open = document.querySelectorAll('.modal');
      if (e.key === 'Escape' && open[open.length - 1] === box.current) close.current();
    };
    window.addEventListener('keydown', onKey);
    const el = box.current;
    if (el !== null && !el.contains(document.activeElement)) initialFocus(el).focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close.current();
      }}
    >
      <div className={`modal${wide === true ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={box} data-testid={testId}>
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="icon-btn" onClick={() => close.current()} aria-label="Close">
            ✕
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer !== undefined && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}
