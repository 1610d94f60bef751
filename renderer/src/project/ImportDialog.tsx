import { useState } from 'react';
import { openDialog } from '../state/uiStore';
import { Modal } from '../ui/Modal';
import { pickFile } from './filePicker';
import { importModel } from './projectActions';

/** Import Keras 3 / Keras 2 JSON or a TF.js model.json, from a file or pasted text. */
export function ImportDialog() {
  const [text, setText] = useState('');
  const close = () => openDialog(null);
  const fromFile = async () => {
    const path = await pickFile({ mode: 'open', title: 'Import a Keras or TF.js model', extensions: ['keras', 'h5', 'hdf5', 'json'] });
    if (path !== null && (await importModel({ path }))) close();
  };
  const fromText = async () => {
    if (await importModel({ text })) close();
  };
  return (
    <Modal
      title="Import a model"
      onClose={close}
      testId="import-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn" onClick={() => void fromFile()} data-testid="import-file">
            Choose file…
          </button>
          <button type="button" className="btn primary" disabled={text.trim() === ''} onClick={() => void fromText()} data-testid="import-text">
            Import pasted JSON
          </button>
        </>
      }
    >
      <p className="muted">
        A trained <span className="mono">.keras</span> or <span className="mono">.h5</span> model with its weights, Keras 3 JSON (
        <span className="mono">model.to_json()</span>), Keras 2 / tf.keras JSON, or a TensorFlow.js <span className="mono">model.json</span> (with its weight
        shards). The model is laid out top to bottom.
      </p>
      <textarea
        className="field-input mono paste"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder='{"module": "keras", "class_name": "Sequential", …}'
        aria-label="Model JSON"
        data-testid="import-json"
      />
    </Modal>
  );
}
