import { useRef, type PointerEvent } from 'react';
import { setDockHeight, showDockTab, toggleDock, useUi } from '../state/uiStore';
import { dockTabs } from './dockTabs';

/** The bottom dock: a drag handle to resize, tabs, and the active tab's panel. */
export function Dock() {
  const active = useUi((s) => s.dockTab);
  const height = useUi((s) => s.dockHeight);
  const open = useUi((s) => s.dockOpen);
  const start = useRef<{ y: number; h: number } | null>(null);
  const tab = dockTabs.find((t) => t.id === active) ?? dockTabs[0];
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    start.current = { y: e.clientY, h: height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    // Dragged by the person: remembered for the next session.
    if (start.current !== null) setDockHeight(start.current.h + start.current.y - e.clientY, true);
  };
  return (
    <section className={`dock${open ? '' : ' collapsed'}`} style={open ? { height } : undefined} data-testid="dock">
      <div
        className="dock-resize"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the panel"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={() => {
          start.current = null;
        }}
      />
      <div className="dock-tabs" role="tablist">
        {dockTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === active}
            className={`dock-tab${t.id === active ? ' active' : ''}`}
            onClick={() => (t.id === active ? toggleDock() : showDockTab(t.id))}
            data-testid={`tab-${t.id}`}
          >
            {t.title}
            {t.Badge !== undefined && <t.Badge />}
          </button>
        ))}
        <span className="spacer" />
        <button
          type="button"
          className="icon-btn"
          onClick={toggleDock}
          title={open ? 'Hide the panel' : 'Show the panel'}
          aria-label={open ? 'Hide the panel' : 'Show the panel'}
        >
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open && tab !== undefined && (
        <div className="dock-panel" role="tabpanel" data-testid={`panel-${tab.id}`}>
          <tab.Panel />
        </div>
      )}
    </section>
  );
}
