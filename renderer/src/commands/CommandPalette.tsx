import { useMemo, useRef, useState } from 'react';
import { runAction } from '../actions/appActions';
import { keyText } from '../keyboard/keyText';
import { openTemplate } from '../project/projectActions';
import { openDialog } from '../state/uiStore';
import { Modal } from '../ui/Modal';
import { commandItems, filterCommands, type CommandItem } from './commandItems';
import './commands.css';

/**
 * Ctrl/Cmd+Shift+P or Ctrl/Cmd+K: every action by name with its keys, and the templates. Type to
 * filter, ↑/↓ to choose, Enter to run; the list comes from the same declarations as the menus.
 */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const all = useMemo(commandItems, []);
  const shown = useMemo(() => filterCommands(all, query), [all, query]);
  const list = useRef<HTMLUListElement>(null);
  const close = () => openDialog(null);
  const run = (item: CommandItem | undefined) => {
    if (item === undefined) return;
    close();
    // After the palette has closed, so the action's own dialog (Export, Save as) is the one open.
    requestAnimationFrame(() => {
      if ('action' in item.run) runAction(item.run.action);
      else void openTemplate(item.run.template);
    });
  };
  const move = (by: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, active + by));
    setActive(next);
    list.current?.querySelectorAll('li')[next]?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <Modal title="Command palette" onClose={close} testId="command-palette">
      <input
        className="field-input command-input"
        value={query}
        placeholder="Type a command or a template…"
        aria-label="Command"
        data-testid="command-input"
        data-autofocus
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            move(1);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            move(-1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[active]);
          }
        }}
      />
      <ul className="command-list" role="listbox" aria-label="Commands" ref={list}>
        {shown.map((item, i) => {
          const key = 'action' in item.run ? keyText(item.run.action) : undefined;
          return (
            <li
              key={item.key}
              role="option"
              aria-selected={i === active}
              className={`command${i === active ? ' active' : ''}`}
              data-testid="command"
              data-command={item.key}
              onMouseMove={() => setActive(i)}
              onClick={() => run(item)}
            >
              <span className="command-group">{item.group}</span>
              <span className="command-label">
                {item.label}
                {item.hint !== undefined && <span className="muted"> — {item.hint}</span>}
              </span>
              {key !== undefined && <kbd>{key}</kbd>}
            </li>
          );
        })}
        {shown.length === 0 && <li className="muted pad">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
