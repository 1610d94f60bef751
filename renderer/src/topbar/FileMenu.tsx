import { appActions } from '../actions/appActions';
import { openDialog } from '../state/uiStore';
import { Menu } from '../ui/Menu';

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function FileMenu() {
  return (
    <Menu label="File" testId="file-menu" items={[
      { label: 'New', onSelect: appActions.new, testId: 'menu-new' },
      { label: 'New from template…', onSelect: appActions.templates, testId: 'menu-templates' },
      { label: 'Open…', shortcut: `${mod}O`, onSelect: appActions.open, testId: 'menu-open' },
      { label: 'Open recent…', onSelect: () => openDialog('recent'), testId: 'menu-recent' },
      'separator',
      { label: 'Save', shortcut: `${mod}S`, onSelect: appActions.save, testId: 'menu-save' },
      { label: 'Save as…', shortcut: `${mod}⇧S`, onSelect: appActions.saveAs, testId: 'menu-save-as' },
      'separator',
      { label: 'Import Keras / TF.js JSON…', onSelect: appActions.import, testId: 'menu-import' },
      { label: 'Export…', shortcut: `${mod}E`, onSelect: appActions.export, testId: 'menu-export' },
      'separator',
      { label: 'Keyboard shortcuts', onSelect: appActions.shortcuts },
    ]} />
  );
}
