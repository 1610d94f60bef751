import { openDialog } from '../state/uiStore';
import { Modal } from './Modal';

const rows: readonly [string, string][] = [
  ['Delete / Backspace', 'Delete the selected blocks or wires'],
  ['Ctrl/⌘ Z · Ctrl/⌘ Shift Z', 'Undo · Redo'],
  ['C · V · D', 'Copy · Paste · Duplicate'],
  ['A', 'Auto-layout (top to bottom)'],
  ['F', 'Fit the model on screen'],
  ['/', 'Search the palette'],
  ['Ctrl/⌘ Enter', 'Train'],
  ['Ctrl/⌘ S · Ctrl/⌘ Shift S', 'Save · Save as'],
  ['Ctrl/⌘ O · Ctrl/⌘ E', 'Open · Export'],
  ['Shift + drag', 'Select several blocks'],
];

export function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts" onClose={() => openDialog(null)}>
      <table className="shortcuts">
        <tbody>{rows.map(([k, v]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>)}</tbody>
      </table>
    </Modal>
  );
}
