import { useEffect, useState } from 'react';
import { replaceHead } from '../../../shared/graph/replaceHead';
import { api } from '../host/api';
import { setBlockParam } from '../actions/graphActions';
import { useProject } from '../state/projectStore';
import { editor } from '../state/editorStore';
import { useInference } from '../state/inference';
import { useTrained } from '../state/modelKey';
import { useGraph } from '../state/useEditor';
import { showToast } from '../ui/toasts';

/** Classes of the chosen dataset: 10 for the built-in ones, a folder's sub-folders otherwise (null while unknown). */
function useDatasetClasses(): number | null {
  const dataset = useProject((s) => s.settings.dataset);
  const [folderClasses, setFolderClasses] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    setFolderClasses(null);
    if (dataset.kind === 'folder') {
      void api()
        .invoke('dataset.preview', { dataset, perClass: 0 })
        .then((r) => {
          if (live && r.ok) setFolderClasses(r.value.classes.length);
        });
    }
    return () => {
      live = false;
    };
  }, [dataset]);
  return dataset.kind === 'folder' ? folderClasses : 10;
}

/**
 * Transfer learning on one block: its trainable switch (frozen blocks keep their weights in
 * training, and a frozen BatchNormalization runs in inference mode, as in Keras 3), and "replace
 * the head" — cut everything after this block, add a new classifier for the chosen dataset and
 * freeze the rest, ready to fine-tune.
 */
export function TrainableSection({ nodeId, hasWeights }: { nodeId: string; hasWeights: boolean }) {
  const graph = useGraph();
  const node = graph.nodes.find((n) => n.id === nodeId);
  const datasetClasses = useDatasetClasses();
  const [classes, setClasses] = useState<string>('');
  const trained = useTrained();
  const inference = useInference();
  if (node === undefined || node.kind === 'InputLayer') return null;
  // Trained weights carry by layer name and weight shapes: a block that changed starts fresh, and says so.
  const shapes = JSON.stringify((inference.nodes.get(nodeId)?.weights ?? []).map((w) => w.shape));
  const trainedShapes = trained?.layers?.[node.name];
  const weightsNote =
    !hasWeights || trained === null || trained.layers === undefined
      ? null
      : trainedShapes === shapes
        ? 'Has trained weights.'
        : trainedShapes === undefined
          ? 'New since training: starts with fresh weights.'
          : 'Changed since training: its trained weights no longer fit, it starts with fresh weights.';
  const trainable = node.params['trainable'] !== false;
  const wanted = classes === '' ? datasetClasses : Number(classes);
  const fineTune = () => {
    if (wanted === null || !Number.isSafeInteger(wanted)) {
      showToast('Say how many classes the new head should have.', 'error');
      return;
    }
    const r = replaceHead(editor.graph(), nodeId, wanted);
    if (!r.ok) {
      showToast(r.error.message, 'error');
      return;
    }
    const { graph, head, frozen } = r.value;
    editor.edit(() => graph, { nodes: [...head], edges: [] });
    showToast(`New head on '${node.name}': ${wanted} classes; ${frozen} ${frozen === 1 ? 'layer' : 'layers'} frozen. Train to fine-tune it.`, 'success', 6000);
  };
  return (
    <div className="inspector-section" data-testid="trainable-section">
      <h3 className="inspector-subtitle">Transfer learning</h3>
      {weightsNote !== null && (
        <p className={weightsNote.startsWith('Has') ? 'muted' : 'field-message'} data-testid="block-weights-note">
          {weightsNote}
        </p>
      )}
      {hasWeights && (
        <div className="field">
          <label className="field-label" htmlFor={`trainable-${nodeId}`}>
            trainable
          </label>
          <input
            id={`trainable-${nodeId}`}
            type="checkbox"
            className="field-check"
            checked={trainable}
            data-testid="trainable-toggle"
            onChange={(e) => setBlockParam(nodeId, 'trainable', e.target.checked)}
          />
          <div className="field-help muted">{trainable ? 'Training updates its weights.' : 'Frozen: training keeps its weights as they are.'}</div>
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`head-classes-${nodeId}`}>
          new head: classes
        </label>
        <input
          id={`head-classes-${nodeId}`}
          className="field-input num"
          inputMode="numeric"
          data-testid="head-classes"
          placeholder={datasetClasses === null ? 'number of classes' : `${datasetClasses} (the dataset's)`}
          value={classes}
          onChange={(e) => setClasses(e.target.value.replace(/[^0-9]/g, ''))}
        />
      </div>
      <button
        type="button"
        className="btn small"
        onClick={fineTune}
        data-testid="replace-head"
        title="Cut every layer after this one, add GlobalAveragePooling2D + Dense(classes, softmax), freeze the rest"
      >
        Replace the head from here
      </button>
    </div>
  );
}
