import { useEffect, useState } from 'react';
import type { DatasetPreviewResult } from '../../../shared/api/inspect';
import type { DatasetRef } from '../../../shared/project';
import { api } from '../host/api';
import { updateSettings, useProject } from '../state/projectStore';
import { formatCount } from '../ui/format';
import { Segmented } from '../ui/Segmented';
import { FolderPicker, pickFolderNative } from './FolderPicker';

const kinds: { kind: DatasetRef['kind']; label: string }[] = [
  { kind: 'mnist', label: 'MNIST' },
  { kind: 'fashion-mnist', label: 'Fashion-MNIST' },
  { kind: 'folder', label: 'Image folder' },
];

function setDataset(dataset: DatasetRef): void {
  updateSettings((s) => ({ ...s, dataset }));
}

const previews = new Map<string, DatasetPreviewResult>();

/** MNIST / Fashion-MNIST / a folder of images, with a preview grid, counts and skipped files. */
export function DatasetChooser(props: { disabled: boolean }) {
  const dataset = useProject((s) => s.settings.dataset);
  const key = dataset.kind === 'folder' ? `folder:${dataset.path}` : dataset.kind;
  const [preview, setPreview] = useState<DatasetPreviewResult | null>(previews.get(key) ?? null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [picking, setPicking] = useState(false);
  const [lastFolder, setLastFolder] = useState<string | null>(dataset.kind === 'folder' ? dataset.path : null);

  useEffect(() => {
    let live = true;
    const cached = previews.get(key);
    setError(null);
    if (cached !== undefined) {
      setPreview(cached);
      return;
    }
    setPreview(null);
    setLoading(true);
    void api()
      .invoke('dataset.preview', { dataset, perClass: dataset.kind === 'folder' ? 6 : 4 })
      .then((r) => {
        if (!live) return;
        setLoading(false);
        if (r.ok) {
          previews.set(key, r.value);
          setPreview(r.value);
        } else setError(r.error.message);
      });
    return () => {
      live = false;
    };
    // `key` identifies the dataset.
  }, [key]);

  const choose = async (kind: DatasetRef['kind']) => {
    if (kind !== 'folder') {
      setDataset({ kind });
      return;
    }
    const native = await pickFolderNative();
    if (native === 'in-app') setPicking(true);
    else if (native !== null) {
      setLastFolder(native);
      setDataset({ kind: 'folder', path: native });
    }
  };

  return (
    <div className="ds" data-testid="dataset-chooser">
      <Segmented
        role="radiogroup"
        label="Dataset"
        segments={kinds.map((k) => ({ value: k.kind, label: k.label, disabled: props.disabled, testId: `dataset-${k.kind}` }))}
        value={dataset.kind}
        onChange={(kind) => void choose(kind)}
      />
      {dataset.kind !== 'folder' && (
        <label
          className="ds-resize"
          title="For a model made for larger or colour images (ResNet50's 224×224×3): each 28×28 grey image is resized to the Input, grey copied to R, G and B."
        >
          <input
            type="checkbox"
            checked={dataset.resize === true}
            disabled={props.disabled}
            data-testid="dataset-resize"
            onChange={(e) => setDataset(e.target.checked ? { kind: dataset.kind, resize: true } : { kind: dataset.kind })}
          />
          Resize to the model's Input
        </label>
      )}
      {dataset.kind === 'folder' && (
        <div className="ds-folder">
          <span className="mono ds-path" title={dataset.path}>
            {dataset.path}
          </span>
          <button type="button" className="btn small" disabled={props.disabled} onClick={() => setPicking(true)}>
            Change…
          </button>
        </div>
      )}
      {loading && <p className="muted ds-status">Reading the images…</p>}
      {error !== null && (
        <p className="field-message" data-testid="dataset-error">
          {error}
        </p>
      )}
      {preview !== null && <DatasetPreview preview={preview} />}
      {picking && (
        <FolderPicker
          start={lastFolder}
          onClose={() => setPicking(false)}
          onPick={(path) => {
            setPicking(false);
            setLastFolder(path);
            setDataset({ kind: 'folder', path });
          }}
        />
      )}
    </div>
  );
}

function DatasetPreview({ preview }: { preview: DatasetPreviewResult }) {
  const [showSkipped, setShowSkipped] = useState(false);
  const sizes = preview.imageSizes
    .slice(0, 3)
    .map((s) => `${s.size} (${formatCount(s.count)})`)
    .join(', ');
  return (
    <div className="ds-preview" data-testid="dataset-preview">
      <div className="ds-title">{preview.title}</div>
      <div className="muted ds-facts">
        {formatCount(preview.total)} images · {preview.classes.length} classes · {preview.grayscale ? 'grayscale' : 'colour'}
        {sizes === '' ? '' : ` · ${sizes}`}
      </div>
      <div className="ds-classes">
        {preview.classes.map((c) => (
          <div key={c.name} className="ds-class" title={`${c.name}: ${formatCount(c.count)} images`}>
            <div className="ds-thumbs">
              {c.samples.map((src, i) => (
                <img key={i} src={src} alt={`${c.name} example`} className="ds-thumb" />
              ))}
            </div>
            <div className="ds-class-name">{c.name}</div>
            <div className="ds-class-count num muted">{formatCount(c.count)}</div>
          </div>
        ))}
      </div>
      {preview.skipped.length > 0 && (
        <div className="ds-skipped">
          <button type="button" className="btn ghost small" onClick={() => setShowSkipped(!showSkipped)}>
            ⚠ {formatCount(preview.skipped.length)} file{preview.skipped.length === 1 ? '' : 's'} will be skipped {showSkipped ? '▴' : '▾'}
          </button>
          {showSkipped && (
            <ul className="ds-skipped-list mono">
              {preview.skipped.slice(0, 50).map((s) => (
                <li key={s.path}>
                  {s.path}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
