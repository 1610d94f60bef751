import { useMemo } from 'react';
import type { Graph } from '../../../shared/graph/types';
import { inputNodes } from '../../../shared/graph/topology';
import { inferenceOf } from '../state/inference';
import { modelKey, useTrained } from '../state/modelKey';
import { useGraph } from '../state/useEditor';
import { showDockTab } from '../state/uiStore';
import { SummaryTab } from '../summary/SummaryTab';
import { Note } from '../ui/Note';
import { Segmented } from '../ui/Segmented';
import { useTallDock } from '../ui/useTallDock';
import { ActivationsView } from './ActivationsView';
import { ConfusionView, MistakesView } from './EvaluateViews';
import { sampleOf, setInspect, useInspect, type InspectView } from '../state/inspectStore';
import { SamplePicker } from './SamplePicker';
import { shown, useInspectCall } from './useInspectCall';
import { FcView, KernelsView } from './WeightsViews';
import { LookView } from './LookView';
import { HealthView } from './health/HealthView';
import './inspect.css';

const views: { id: InspectView; title: string }[] = [
  { id: 'activations', title: 'Activations' },
  { id: 'look', title: 'Where it looks' },
  { id: 'kernels', title: 'Kernels' },
  { id: 'fc', title: 'What it sees' },
  { id: 'confusion', title: 'Confusion matrix' },
  { id: 'mistakes', title: 'Mistakes' },
  { id: 'health', title: 'Training health' },
  { id: 'summary', title: 'Summary' },
];

const notes: Readonly<Record<InspectView, string>> = {
  activations:
    'Each tile is one channel of the chosen layer’s output for the image on the left — what that filter “found” where. Bright = strong response. Early layers react to edges and strokes, later ones to parts of digits. Click a block on the canvas (or a layer in the list) to look at it; click any pixel of a map to see how that value was computed (its receptive field, the arithmetic, the kernel sliding over the input).',
  look: 'Saliency: the pixels whose change would move the chosen class’s score most. Grad-CAM: the feature maps of a convolution weighted by how much they raise that score, drawn over the image — where the network found its evidence. Pick another class to see what speaks for it.',
  kernels:
    'The first convolution’s filters: the small patterns each one slides over the image looking for. Red weights add, blue weights subtract. Before training they are random noise; after training many look like edge and stroke detectors.',
  fc: 'For a network of Dense layers only, multiplying the weight matrices gives one image per class: the pixels that vote for (red) or against (blue) that digit — the chapter’s “what the network sees”.',
  confusion:
    'Rows are the true classes, columns what the network answered; the diagonal is right. Bright cells off the diagonal are the confusions (4 ↔ 9, 3 ↔ 5…). Click a cell to see its images.',
  mistakes: 'The test images the network got wrong with the most confidence — often badly written digits, sometimes wrong labels.',
  health:
    'How each layer fared while training, measured after every epoch on the same 32 training images (within 5 % of the training time): the spread of its weights and of their gradients (one curve per epoch, as TensorBoard draws them), the mean and spread of its output, and how many ReLU units never fire. Warnings say what to try.',
  summary: 'Keras’s model.summary(): every layer with its output shape and number of weights.',
};

function drawable(graph: Graph): boolean {
  const input = inputNodes(graph)[0];
  const shape = input === undefined ? null : (inferenceOf(graph).nodes.get(input.id)?.outputShape ?? null);
  if (shape === null) return false;
  const per = shape.slice(1);
  return (
    (per.length === 3 && per[0] === 28 && per[1] === 28 && per[2] === 1) ||
    (per.length === 2 && per[0] === 28 && per[1] === 28) ||
    (per.length === 1 && per[0] === 784)
  );
}

/** The Inspect tab: look inside the model, trained or not. */
export function InspectPanel() {
  useTallDock();
  const graph = useGraph();
  const view = useInspect((s) => s.view);
  const state = useInspect((s) => s);
  const trained = useTrained();
  const key = useMemo(() => modelKey(graph), [graph]);
  const isTrained = trained !== null && trained.key === key;
  const modelVersion = `${isTrained ? trained.runId : 'initial'}:${key}`;
  const sample = sampleOf(state);
  const canDraw = drawable(graph);
  const sampleKey = JSON.stringify(sample);
  const predict = useInspectCall('inspect.predict', graph.nodes.length === 0 || sample === null ? null : { sample }, [sampleKey, modelVersion]);
  if (graph.nodes.length === 0) {
    return (
      <div className="empty-state" data-testid="inspect-empty">
        <p>
          <b>Nothing to look inside yet.</b> Open a template (the Keras CNN is a good start) or build a model; then click a block on the canvas to see its
          feature maps for a test image — before and after training.
        </p>
      </div>
    );
  }
  const usesSample = view === 'activations' || view === 'look';
  return (
    <div className="inspect-panel" data-testid="inspect-panel">
      <div className="inspect-top">
        <Segmented
          role="tablist"
          label="Inspect views"
          segments={views.map((v) => ({ value: v.id, label: v.title, testId: `view-${v.id}` }))}
          value={view}
          onChange={(v) => setInspect({ view: v })}
        />
        <span className={`weights-state ${isTrained || trained !== null ? 'trained' : 'initial'}`} data-testid="weights-state">
          {/* Trained weights of an edited model: the engine keeps every layer that still fits (weightStore). */}
          {!isTrained && trained !== null
            ? 'Trained weights for the layers that did not change; changed layers start fresh'
            : isTrained
              ? `Trained weights${trained.testAccuracy === null ? '' : ` · test accuracy ${(trained.testAccuracy * 100).toFixed(2)} %`}`
              : 'Initial (random) weights — train to see the difference'}
        </span>
        {!isTrained && (
          <button type="button" className="btn small" onClick={() => showDockTab('train')}>
            Train…
          </button>
        )}
      </div>
      <div className={`inspect-body${usesSample ? '' : ' no-side'}`}>
        {usesSample && (
          <aside className="inspect-side">
            <SamplePicker prediction={shown(predict)} predictError={predict.status === 'error' ? predict.message : null} drawable={canDraw} />
          </aside>
        )}
        <section className="inspect-main">
          <Note id={`inspect-${view}`}>{notes[view]}</Note>
          {view === 'activations' && <ActivationsView graph={graph} sample={sample} modelVersion={modelVersion} />}
          {view === 'look' && <LookView sample={sample} modelVersion={modelVersion} />}
          {view === 'kernels' && <KernelsView modelVersion={modelVersion} />}
          {view === 'fc' && <FcView modelVersion={modelVersion} />}
          {view === 'confusion' && <ConfusionView modelVersion={modelVersion} />}
          {view === 'mistakes' && <MistakesView modelVersion={modelVersion} />}
          {view === 'health' && <HealthView />}
          {view === 'summary' && <SummaryTab />}
        </section>
      </div>
    </div>
  );
}
