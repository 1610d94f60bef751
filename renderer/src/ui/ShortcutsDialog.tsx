import { allActions, type ActionGroup } from '../../../shared/actions';
import { keysText } from '../keyboard/keyText';
import { openDialog } from '../state/uiStore';
import { Modal } from './Modal';

const groups: readonly ActionGroup[] = ['File', 'Edit', 'View', 'Model', 'Help'];

/** Every action that has keys, from the one action list, grouped as the menus are. */
export function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" onClose={() => openDialog(null)} wide testId="shortcuts-dialog">
      <div className="shortcut-groups">
        {groups.map((g) => {
          const rows = allActions.filter((a) => a.group === g && a.keys !== undefined && a.hidden !== true);
          if (rows.length === 0) return null;
          return (
            <section key={g} className="shortcut-group">
              <h3>{g}</h3>
              <table className="shortcuts">
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.id} data-testid="shortcut-row">
                      <td>
                        {a.label}
                        {a.hint !== undefined && <span className="muted"> — {a.hint}</span>}
                      </td>
                      <td className="keys">
                        {keysText(a.id).map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
        <section className="shortcut-group">
          <h3>Canvas</h3>
          <table className="shortcuts">
            <tbody>
              <tr>
                <td>Select several blocks</td>
                <td className="keys">
                  <kbd>Shift</kbd> + drag
                </td>
              </tr>
              <tr>
                <td>Pan · zoom</td>
                <td className="keys">drag the background · wheel</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
    </Modal>
  );
}
