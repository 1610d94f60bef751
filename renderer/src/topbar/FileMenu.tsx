import { actionSpec, menuBar, type ActionId } from '../../../shared/actions';
import { runAction } from '../actions/appActions';
import { keyText } from '../keyboard/keyText';
import { Menu, type MenuItem } from '../ui/Menu';

/** Test ids the e2e tests (and their readers) know the items by. */
const testIds: Partial<Record<ActionId, string>> = {
  new: 'menu-new',
  'new-from-template': 'menu-templates',
  open: 'menu-open',
  save: 'menu-save',
  'save-as': 'menu-save-as',
  import: 'menu-import',
  export: 'menu-export',
  'open-recent': 'menu-recent',
  'command-palette': 'menu-commands',
};

function item(id: ActionId): MenuItem {
  const shortcut = keyText(id);
  const testId = testIds[id];
  return {
    label: actionSpec(id).label,
    onSelect: () => runAction(id),
    ...(shortcut === undefined ? {} : { shortcut }),
    ...(testId === undefined ? {} : { testId }),
  };
}

/** The browser's File menu: the File entries of the menu bar (shared/actions.ts), as Electron shows them. */
export function FileMenu() {
  const file = menuBar.find((m) => m.label === 'File')?.entries ?? [];
  const items: (MenuItem | 'separator')[] = [];
  for (const e of file) {
    if (e === '-') items.push('separator');
    else if (e === 'recent-files') items.push(item('open-recent'));
    else if (e !== 'quit' && e !== 'fullscreen' && e !== 'devtools' && e !== 'layers-reference') items.push(item(e));
  }
  items.push('separator', item('command-palette'), item('shortcuts'), item('about'));
  return <Menu label="File" testId="file-menu" items={items.filter((x, i, all) => x !== 'separator' || all[i - 1] !== 'separator')} />;
}
