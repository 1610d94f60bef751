import { useState } from 'react';
import type { ExportFormat } from '../../../shared/api/contract';
import { hasErrors } from '../../../shared/diagnostics';
import { api } from '../host/api';
import { useAppInfo } from '../host/appInfo';
import { pickFile } from '../project/filePicker';
import { projectStore } from '../state/projectStore';
import { editor } from '../state/editorStore';
import { inferenceOf } from '../state/inference';
import { openDialog, uiStore } from '../state/uiStore';
import { Modal } from '../ui/Modal';
import { askConfirm } from '../ui/confirm';
import { downloadFile } from '../ui/download';
import { showToast } from '../ui/toasts';
import { diagramContent, kerasJsonText } from './exportContent';

type Choice = 'keras3' | 'keras2' | 'python' | 'png' | 'svg' | 'keras' | 'tfjs' | 'keras-json';
type Strategy = 'none' | 'mirrored' | 'multiworker';

const choices: readonly { id: Choice; title: string; note: string; ext: string }[] = [
  { id: 'keras3', title: 'Keras 3 JSON', note: 'model.to_json() — loads with keras.models.model_from_json', ext: 'keras3.json' },
  { id: 'keras2', title: 'Keras 2 JSON', note: 'tf.keras 2 / TensorFlow.js model topology', ext: 'keras2.json' },
  { id: 'python', title: 'Python script', note: 'builds, compiles and trains the same model with Keras', ext: 'py' },
  { id: 'png', title: 'PNG image', note: 'the diagram as a picture', ext: 'png' },
  { id: 'svg', title: 'SVG image', note: 'the diagram as a scalable drawing', ext: 'svg' },
  // With weights: the engine's current weights — trained after a run, else the initial ones.
  { id: 'keras', title: 'Keras model with weights (.keras)', note: 'the trained model — keras.saving.load_model opens it', ext: 'keras' },
  { id: 'keras-json', title: 'Keras 3 JSON + weights', note: 'NAME.json (model.to_json()) and NAME.weights.h5', ext: 'json' },
  { id: 'tfjs', title: 'TensorFlow.js model with weights', note: 'a folder with model.json and weights.bin (tf.loadLayersModel)', ext: 'tfjs' },
];

/** Export: Keras 3 / Keras 2 JSON, a Python script (optionally distributed), PNG or SVG of the diagram. */
export function ExportDialog() {
  const [choice, setChoice] = useState<Choice>('keras3');
  const [strategy, setStrategy] = useState<Strategy>('none');
  const [busy, setBusy] = useState(false);
  const info = useAppInfo();
  const graph = editor.graph();
  const blocked = choice !== 'png' && choice !== 'svg' && hasErrors(inferenceOf(graph).diagnostics);
  const close = () => openDialog(null);
  const meta = choices.find((c) => c.id === choice) ?? choices[0];
  const baseName = (graph.name || 'model').replace(/[^\w.-]+/g, '_');
  const fileName = `${baseName}.${meta?.ext ?? 'json'}`;

  const request = async (): Promise<{ format: ExportFormat; content?: string }> => {
    if (choice === 'png' || choice === 'svg') return { format: choice, content: await diagramContent(graph, choice, uiStore.getState().theme) };
    return { format: choice };
  };

  const saveToFile = async () => {
    const path = await pickFile({
      mode: 'save',
      title: `Export ${meta?.title ?? ''}`,
      extensions: choice === 'tfjs' ? [] : [meta?.ext.split('.').pop() ?? 'json'],
      defaultName: choice === 'tfjs' ? `${baseName}_tfjs` : fileName,
    });
    if (path === null) return;
    setBusy(true);
    try {
      const req = await request();
      const { training, dataset } = projectStore.getState().settings;
      const body = { ...req, path, graph, training, dataset, ...(choice === 'python' ? { strategy } : {}) };
      let r = await api().invoke('export.write', { ...body, overwrite: false });
      if (
        !r.ok &&
        r.error.code === 'exists' &&
        (await askConfirm({
          title: 'Replace the file?',
          message: `${path} already exists. Replacing it overwrites what it holds.`,
          confirmLabel: 'Replace',
          danger: true,
        }))
      ) {
        r = await api().invoke('export.write', { ...body, overwrite: true });
      }
      if (r.ok) {
        showToast(`Exported ${r.value.path}`, 'success');
        close();
      } else showToast(r.error.message, 'error', 8000);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setBusy(true);
    try {
      if (choice === 'png' || choice === 'svg') {
        const content = await diagramContent(graph, choice, uiStore.getState().theme);
        downloadFile(fileName, content, choice === 'png' ? 'image/png' : 'image/svg+xml', choice === 'png');
      } else if (choice === 'keras3' || choice === 'keras2') {
        const r = kerasJsonText(graph, choice);
        if (r.ok) downloadFile(fileName, r.value, 'application/json');
        else showToast(r.error.message, 'error');
      } else {
        // Python and the formats with weights are made by main (the weights live in the engine).
        const { training, dataset } = projectStore.getState().settings;
        const r = await api().invoke('export.download', {
          format: choice,
          name: choice === 'tfjs' ? `${baseName}_tfjs` : fileName,
          graph,
          training,
          dataset,
          ...(choice === 'python' ? { strategy } : {}),
        });
        if (!r.ok) {
          showToast(r.error.message, 'error', 8000);
          return;
        }
        for (const f of r.value.files) downloadFile(f.name, f.base64, f.name.endsWith('.py') ? 'text/x-python' : 'application/octet-stream', true);
        showToast(`Downloaded ${r.value.files.map((f) => f.name).join(', ')}`, 'success');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Export"
      onClose={close}
      testId="export-dialog"
      footer={
        <>
          {blocked && <span className="field-message grow">Fix the errors in the Problems tab first: Keras would refuse this model.</span>}
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {info?.mode === 'web' && (
            <button type="button" className="btn" disabled={busy || blocked} onClick={() => void download()} data-testid="export-download">
              Download
            </button>
          )}
          <button type="button" className="btn primary" disabled={busy || blocked} onClick={() => void saveToFile()} data-testid="export-save">
            Save to file…
          </button>
        </>
      }
    >
      <div className="choice-list" role="radiogroup" aria-label="Format">
        {choices.map((c) => (
          <label key={c.id} className={`choice${choice === c.id ? ' active' : ''}`} data-testid={`export-${c.id}`}>
            <input type="radio" name="export-format" checked={choice === c.id} onChange={() => setChoice(c.id)} />
            <span>
              <b>{c.title}</b>
              <br />
              <span className="muted">{c.note}</span>
            </span>
          </label>
        ))}
      </div>
      {choice === 'python' && (
        <div className="field">
          <label className="field-label" htmlFor="export-strategy">
            distribution
          </label>
          <select
            id="export-strategy"
            className="field-input"
            value={strategy}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'none' || v === 'mirrored' || v === 'multiworker') setStrategy(v);
            }}
            data-testid="export-strategy"
          >
            <option value="none">None — one device</option>
            <option value="mirrored">MirroredStrategy — all GPUs of one machine</option>
            <option value="multiworker">MultiWorkerMirroredStrategy — several machines</option>
          </select>
          <div className="field-help">Wraps model building in a tf.distribute strategy: the way to train beyond one machine.</div>
        </div>
      )}
    </Modal>
  );
}
