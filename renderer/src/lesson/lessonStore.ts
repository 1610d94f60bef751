import { getTemplate } from '../../../shared/templates';
import { setLessonHandler } from '../actions/lessonHook';
import { setInspect } from '../state/inspectStore';
import { openTemplate } from '../project/projectActions';
import { projectStore } from '../state/projectStore';
import { createStore, useStore } from '../state/createStore';
import { editor } from '../state/editorStore';
import { showDockTab } from '../state/uiStore';
import { runOptions, runStore } from '../train/trainRun';
import { lessonSteps, type LessonStep } from './lessonSteps';

const RESULTS_KEY = 'blockprop.lesson.results';
const PROGRESS_KEY = 'blockprop.lesson.progress';

export interface LessonState {
  readonly open: boolean;
  readonly step: number;
  /** Best test accuracy the learner got per template id, in [0, 1]. */
  readonly results: Readonly<Record<string, number>>;
  /** Steps the learner finished (a run completed on the step's model), by step id. */
  readonly done: readonly string[];
  /** Measured training speed per template (images/s), for the VGG step's time estimate. */
  readonly speed: Readonly<Record<string, number>>;
  readonly folded: boolean;
}

function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function numbers(v: unknown): Record<string, number> {
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

function loadProgress(): Pick<LessonState, 'step' | 'done' | 'speed'> {
  const p = readJson(PROGRESS_KEY);
  if (typeof p !== 'object' || p === null) return { step: 0, done: [], speed: {} };
  const step: unknown = Reflect.get(p, 'step');
  const done: unknown = Reflect.get(p, 'done');
  return {
    step: typeof step === 'number' && step >= 0 && step < lessonSteps.length ? step : 0,
    done: Array.isArray(done) ? done.filter((d): d is string => typeof d === 'string') : [],
    speed: numbers(Reflect.get(p, 'speed')),
  };
}

export const lessonStore = createStore<LessonState>({ open: false, results: numbers(readJson(RESULTS_KEY)), folded: false, ...loadProgress() });

/** Progress survives sessions: the step, the finished steps, the results and speeds. */
lessonStore.subscribe(() => {
  const s = lessonStore.getState();
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ step: s.step, done: s.done, speed: s.speed }));
    localStorage.setItem(RESULTS_KEY, JSON.stringify(s.results));
  } catch {
    /* storage unavailable: progress is not remembered */
  }
});

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

function templateName(id: string | null): string | undefined {
  return id === null ? undefined : getTemplate(id)?.build().name;
}

/** The step whose model is on the canvas (for results), else undefined. */
function stepOfCanvas(): LessonStep | undefined {
  const name = editor.graph().name;
  return lessonSteps.find((x) => x.template !== null && templateName(x.template) === name);
}

/** The chapter's settings for the step's template: its loss and batch, Adam for a quick first try, a short run. */
function applyChapterSettings(step: LessonStep): void {
  const chapter = step.template === null ? undefined : getTemplate(step.template)?.chapter;
  if (chapter === undefined) return;
  // A freshly loaded template with the lesson's settings is not the learner's work yet: the
  // settings are written as the saved state (settingsDirty false), so Next/Back never asks to
  // discard changes nobody made.
  projectStore.setState((p) => ({
    ...p,
    settingsDirty: false,
    settings: {
      ...p.settings,
      dataset: step.template === 'vgg16_cats_dogs' ? p.settings.dataset : { kind: 'mnist' },
      training: {
        ...p.settings.training,
        optimizer: { kind: 'adam' },
        learningRate: chapter.training.optimizer === 'adam' ? (chapter.training.learningRate ?? 0.001) : 0.001,
        loss: chapter.training.loss,
        batchSize: chapter.training.batchSize,
        epochs: step.epochs,
      },
    },
  }));
}

/** Loads the step's model (asking first only when the learner has unsaved edits); false if they kept their work. */
export async function loadStepModel(step: LessonStep): Promise<boolean> {
  if (step.template === null) return true;
  const want = templateName(step.template);
  if (editor.graph().name === want && editor.graph().nodes.length > 0) return true;
  await openTemplate(step.template);
  if (editor.graph().name !== want) return false;
  applyChapterSettings(step);
  return true;
}

/** Opens step i: its model (the chapter's template unless the learner is building their own), settings, tab. */
export async function goToStep(i: number, load = true): Promise<void> {
  const step = lessonSteps[i];
  if (step === undefined) return;
  lessonStore.setState((s) => ({ ...s, open: true, step: i, folded: false }));
  if (load && !(await loadStepModel(step))) return;
  runOptions.setState((o) => ({ ...o, limit: step.subset }));
  if (step.inspectView !== undefined) setInspect({ view: step.inspectView, layer: null });
  showDockTab(step.tab);
}

/** Folds the card to its title (the canvas under it stays usable). */
export function setFolded(folded: boolean): void {
  lessonStore.setState((s) => ({ ...s, folded }));
}

export function closeLesson(): void {
  lessonStore.setState((s) => ({ ...s, open: false }));
}

/**
 * Connects the lesson to the rest of the app; the app calls it once when it starts (App.tsx) and
 * the returned function undoes it. The lesson then records each finished run's test accuracy and
 * speed on the step's model, and the top bar's and empty canvas's lesson entries open it.
 */
export function startLesson(): () => void {
  let lastPhase = runStore.getState().phase;
  const stopResults = runStore.subscribe(() => {
    const s = runStore.getState();
    if (s.phase === 'done' && lastPhase !== 'done') {
      const t = stepOfCanvas();
      const acc = s.testAccuracy;
      const speed = s.samplesPerSecond;
      const current = lessonSteps[lessonStore.getState().step];
      lessonStore.setState((l) => ({
        ...l,
        results: t !== undefined && t.template !== null && acc !== null ? { ...l.results, [t.template]: Math.max(acc, l.results[t.template] ?? 0) } : l.results,
        speed: t !== undefined && t.template !== null && speed !== null ? { ...l.speed, [t.template]: speed } : l.speed,
        done: current !== undefined && (t === current || current.template === null) && !l.done.includes(current.id) ? [...l.done, current.id] : l.done,
      }));
    }
    lastPhase = s.phase;
  });
  setLessonHandler(() => void goToStep(lessonStore.getState().step));
  return () => {
    stopResults();
    setLessonHandler(null);
  };
}
