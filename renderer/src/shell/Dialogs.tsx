import { AboutDialog } from '../commands/AboutDialog';
import { CommandPalette } from '../commands/CommandPalette';
import { ExportDialog } from '../exporting/ExportDialog';
import { FileDialog } from '../project/FileDialog';
import { ImportDialog } from '../project/ImportDialog';
import { RecentDialog } from '../project/RecentDialog';
import { TemplatesGallery } from '../project/TemplatesGallery';
import { openDialog, useUi } from '../state/uiStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Modal } from '../ui/Modal';
import { ShortcutsDialog } from '../ui/ShortcutsDialog';

/**
 * Whichever dialog is open; the file dialog sits on top of the others (export asks for a path).
 * It names every feature's dialog, so it lives in the shell, above the features, not in ui/.
 */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  const close = () => openDialog(null);
  return (
    <>
      {dialog === 'export' && <ExportDialog />}
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'recent' && <RecentDialog />}
      {dialog === 'shortcuts' && <ShortcutsDialog />}
      {dialog === 'commands' && <CommandPalette />}
      {dialog === 'about' && <AboutDialog />}
      {dialog === 'templates' && (
        <Modal title="Templates" onClose={close} wide testId="templates-dialog">
          <TemplatesGallery onPicked={close} />
        </Modal>
      )}
      <FileDialog />
      <ConfirmDialog />
    </>
  );
}
