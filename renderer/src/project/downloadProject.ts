import { editor } from '../state/editorStore';
import { downloadFile } from '../ui/download';
import { buildProject } from '../state/projectFile';
import { projectStore } from '../state/projectStore';

/** The project as it is on screen, downloaded by the browser: the way out when the server cannot save it. */
export function downloadProject(): string {
  const { title, settings } = projectStore.getState();
  const name = `${title.replace(/[^\w.-]+/g, '_') || 'model'}.blockprop.json`;
  downloadFile(name, `${JSON.stringify(buildProject(editor.graph(), settings), null, 2)}\n`, 'application/json');
  return name;
}
