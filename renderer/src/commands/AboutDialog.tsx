import { useAppInfo } from '../host/appInfo';
import { openDialog } from '../state/uiStore';
import { Modal } from '../ui/Modal';
import './commands.css';

/** Help → About: what this is, which version and engine, where its files live. */
export function AboutDialog() {
  const info = useAppInfo();
  const backends = info?.backends.available
    .filter((b) => b.available)
    .map((b) => b.name)
    .join(', ');
  return (
    <Modal title="About Blockprop" onClose={() => openDialog(null)} testId="about-dialog">
      <div className="about">
        <p>
          <b>Blockprop</b> — design, train and look inside convolutional neural networks by drawing them. Models leave as Keras 3 / Keras 2 JSON, Python,{' '}
          <span className="mono">.keras</span> and TensorFlow.js files, checked against real Keras 3.15.
        </p>
        <dl>
          <dt>Version</dt>
          <dd className="mono" data-testid="about-version">
            {info?.version ?? '…'}
          </dd>
          <dt>Running as</dt>
          <dd>{info === null ? '…' : info.mode === 'electron' ? `desktop app (Electron ${info.versions.electron ?? ''})` : 'browser mode (blockprop web)'}</dd>
          <dt>Training engine</dt>
          <dd>{info === null ? '…' : `${info.backends.default} by default${backends === undefined || backends === '' ? '' : `; available: ${backends}`}`}</dd>
          <dt>Node</dt>
          <dd className="mono">{info?.versions.node ?? '…'}</dd>
          <dt>Settings folder</dt>
          <dd className="mono">{info?.configDir ?? '…'}</dd>
        </dl>
        <p className="muted">MIT licence. Layer reference: keras.io/api/layers.</p>
      </div>
    </Modal>
  );
}
