import { getTemplate } from '../../../shared/templates';
import { setLessonHandler } from '../actions/lessonHook';
import { setInspect } from '../inspect/inspectStore';
import { openTemplate } from '../project/projectActions';
import { projectStore, updateSettings } from '../project/projectStore';
import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';
import { showDockTab } from '../state/uiStore';
import { runOptions, runStore } from '../train/trainRun';
import { lessonSteps } from './lessonSteps';

const RESULTS_KEY = 'blockprop.lesson.results';

export interface LessonState {
  readonly open: boolean;
  readonly step: number;
  /** Best test accuracy the learner got per template id, in [0, 1]. */
  readonly results: Readonly<Record<string, number>>;
}

function loadResults(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RESULTS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return {};
  }
}

export const lessonStore = createStore<LessonState>({ open: false, step: 0, results: loadResults() });

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

/** Opens step i: its template, the chapter's settings, the tab to look at. */
export function goToStep(i: number): void {
  const step = lessonSteps[i];
  if (step === undefined) return;
  lessonStore.setState((s) => ({ ...s, open: true, step: i }));
  const same = editor.graph().name === getTemplate(step.template)?.build().name && editor.graph().nodes.length > 0;
  if (!same) openTemplate(step.template);
  const chapter = getTemplate(step.template)?.chapter;
  if (chapter !== undefined && !same) {
    updateSettings((s) => ({
      ...s,
      dataset: step.template === 'vgg16_cats_dogs' ? s.dataset : { kind: 'mnist' },
      training: {
        ...s.training,
        optimizer: { kind: 'adam' },
        // Adam for every first try (the FC step's text suggests the chapter's plain SGD as an experiment).
        learningRate: chapter.training.optimizer === 'adam' ? chapter.training.learningRate ?? 0.001 : 0.001,
        loss: chapter.training.loss,
        batchSize: chapter.training.batchSize,
        epochs: 1,
      },
    }));
  }
  runOptions.setState((o) => ({ ...o, limit: step.subset }));
  if (step.inspectView !== undefined) setInspect({ view: step.inspectView, layer: null });
  showDockTab(step.tab);
}

export function closeLesson(): void {
  lessonStore.setState((s) => ({ ...s, open: false }));
}

// The learner's result for the open step's model: the test accuracy of each finished run.
let lastPhase = runStore.getState().phase;
runStore.subscribe(() => {
  const s = runStore.getState();
  if (s.phase === 'done' && lastPhase !== 'done' && s.testAccuracy !== null) {
    const graphName = editor.graph().name;
    const t = lessonSteps.find((x) => getTemplate(x.template)?.build().name === graphName);
    const acc = s.testAccuracy;
    if (t !== undefined) {
      lessonStore.setState((l) => {
        const results = { ...l.results, [t.template]: Math.max(acc, l.results[t.template] ?? 0) };
        try { localStorage.setItem(RESULTS_KEY, JSON.stringify(results)); } catch { /* not remembered */ }
        return { ...l, results };
      });
    }
  }
  lastPhase = s.phase;
});

setLessonHandler(() => goToStep(lessonStore.getState().step));

/** Reads the dataset for the VGG step's hint. */
export function datasetIsFolder(): boolean {
  return projectStore.getState().settings.dataset.kind === 'folder';
}
