import { useEffect, useState } from 'react';
import { showToast } from '../ui/toasts';
import { orderDropped, projectOf, toBase64, type DroppedFile } from './fileDrop';
import { openDropped } from './projectActions';
import './fileDrop.css';

/** Whether a drag carries files from the desktop (not a block from the palette, not text). */
function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Dropping a model or project file anywhere on the window opens it. While files are dragged over
 * the window a drop target covers it and says what will happen.
 */
export function FileDrop() {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them so the target does not flicker.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser (and Electron) would navigate to the file instead of dropping it.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      void openFiles(files, setBusy);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over && !busy) return null;
  return (
    <div className={`file-drop${busy ? ' busy' : ''}`} data-testid="file-drop" aria-live="polite">
      <div className="file-drop-card">
        <div className="file-drop-icon" aria-hidden>
          ⤓
        </div>
        <div className="file-drop-title">{busy ? 'Opening…' : 'Drop to open'}</div>
        {!busy && (
          <div className="file-drop-help">A Keras model (.keras, .h5), Keras JSON, a TF.js model.json with its .bin files, or a .blockprop.json project</div>
        )}
      </div>
    </div>
  );
}

async function openFiles(files: readonly File[], setBusy: (busy: boolean) => void): Promise<void> {
  const ordered = orderDropped(files);
  if (!ordered.ok) {
    showToast(ordered.error.message, 'error', 9000);
    return;
  }
  setBusy(true);
  try {
    const read = await Promise.all(ordered.value.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const first = read[0];
    const project = first !== undefined && first.name.toLowerCase().endsWith('.json') ? projectOf(first.bytes) : null;
    const payload: DroppedFile[] = read.map((f) => ({ name: f.name, base64: toBase64(f.bytes) }));
    setBusy(false);
    await openDropped(payload, project);
  } catch (error) {
    showToast(`Could not read the dropped file: ${error instanceof Error ? error.message : String(error)}`, 'error', 9000);
  } finally {
    setBusy(false);
  }
}
