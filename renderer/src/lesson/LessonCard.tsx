import { useMemo } from 'react';
import { getTemplate } from '../../../shared/templates';
import { useGraph } from '../state/useEditor';
import { showDockTab } from '../state/uiStore';
import { startTraining, useRun } from '../train/trainRun';
import { checkAgainstChapter, estimateDuration } from './lessonCheck';
import { closeLesson, goToStep, loadStepModel, setFolded, useLesson } from './lessonStore';
import { lessonSteps } from './lessonSteps';
import './lesson.css';

/**
 * The guided lesson: a card in the canvas's top-right corner (never over the inspector or the
 * dock) with the step's text, a live check of the canvas model against the chapter's printed
 * summary, a short training run, and the chapter's figure beside the learner's.
 */
export function LessonCard() {
  const open = useLesson((s) => s.open);
  const i = useLesson((s) => s.step);
  const results = useLesson((s) => s.results);
  const done = useLesson((s) => s.done);
  const speed = useLesson((s) => s.speed);
  const folded = useLesson((s) => s.folded);
  const phase = useRun((s) => s.phase);
  const graph = useGraph();
  const step = lessonSteps[i];
  const check = useMemo(() => (step === undefined ? null : checkAgainstChapter(graph, step)), [graph, step]);
  if (!open || step === undefined) return null;
  const chapter = step.template === null ? undefined : getTemplate(step.template)?.chapter;
  const mine = step.template === null ? null : (results[step.template] ?? null);
  const running = phase === 'starting' || phase === 'loading' || phase === 'training' || phase === 'evaluating';
  const vggSpeed = step.id === 'vgg' ? (speed['vgg16_cats_dogs'] ?? null) : null;
  return (
    <aside className={`lesson-card${folded ? ' folded' : ''}`} data-testid="lesson-card" aria-label="Guided lesson">
      <header className="lesson-head">
        <span className="lesson-kicker">
          Lesson · step {i + 1} of {lessonSteps.length}
          {done.includes(step.id) ? ' · done ✓' : ''}
        </span>
        <span>
          <button
            type="button"
            className="icon-btn small"
            onClick={() => setFolded(!folded)}
            aria-label={folded ? 'Unfold the lesson' : 'Fold the lesson'}
            data-testid="lesson-fold"
          >
            {folded ? '▾' : '▴'}
          </button>
          <button type="button" className="icon-btn small" onClick={closeLesson} aria-label="Close the lesson">
            ✕
          </button>
        </span>
      </header>
      <h3 className="lesson-title">{step.title}</h3>
      {!folded && (
        <>
          {step.text.map((t) => (
            <p key={t}>{t}</p>
          ))}
          {check !== null && (
            <div className="lesson-check" data-testid="lesson-check" data-ok={check.ok}>
              <b>Check against the chapter’s summary</b>
              <ul>
                {check.lines.map((l) => (
                  <li key={l.text} className={l.ok ? 'ok' : 'bad'}>
                    {l.ok ? '✓' : '✗'} {l.text}
                  </li>
                ))}
              </ul>
              {!check.ok && step.build !== undefined && <span className="muted small">To build it: {step.build}</span>}
            </div>
          )}
          <div className="lesson-actions">
            {step.template !== null && (
              <button type="button" className="btn small" onClick={() => void loadStepModel(step)} data-testid="lesson-load">
                Load the chapter’s model
              </button>
            )}
            {step.template !== null && (
              <button
                type="button"
                className="btn small primary"
                disabled={running || check?.ok === false}
                title={check?.ok === false ? 'The model differs from the chapter’s; fix it or load the chapter’s model first' : undefined}
                onClick={() => {
                  showDockTab('train');
                  void startTraining();
                }}
                data-testid="lesson-train"
              >
                {running
                  ? 'Training…'
                  : `Train briefly (${step.epochs} epoch${step.epochs === 1 ? '' : 's'}${step.subset === null ? '' : `, ${step.subset.toLocaleString('en-US')} images`})`}
              </button>
            )}
            {step.tab !== 'train' && (
              <button type="button" className="btn small" onClick={() => showDockTab(step.tab)}>
                Open {step.tab === 'runs' ? 'Runs' : 'Inspect'}
              </button>
            )}
          </div>
          {vggSpeed !== null && (
            <p className="small" data-testid="lesson-estimate">
              At the {vggSpeed.toFixed(1)} images/s measured here, the chapter’s 20 epochs of 20,000 images would take {estimateDuration(20_000, 20, vggSpeed)}.
            </p>
          )}
          {chapter !== undefined && (
            <div className="lesson-compare" data-testid="lesson-compare">
              <div>
                <span className="label">The chapter measured</span>
                <span className="num value">{chapter.reportedAccuracy.toFixed(2)} %</span>
                <span className="muted small">
                  {chapter.split} accuracy, {chapter.training.epochs} epochs, batch {chapter.training.batchSize}, {chapter.training.optimizer}
                </span>
              </div>
              <div>
                <span className="label">You got</span>
                <span className="num value" data-testid="lesson-mine">
                  {mine === null ? '–' : `${(mine * 100).toFixed(2)} %`}
                </span>
                <span className="muted small">best test accuracy of your runs on this model</span>
              </div>
            </div>
          )}
          {chapter?.note !== undefined && <p className="muted small">{chapter.note}</p>}
        </>
      )}
      <footer className="lesson-foot">
        <button type="button" className="btn small" disabled={i === 0} onClick={() => void goToStep(i - 1)} data-testid="lesson-back">
          ← Back
        </button>
        <span className="lesson-dots">
          {lessonSteps.map((s, k) => (
            <button
              key={s.id}
              type="button"
              className={`dot${k === i ? ' active' : ''}${done.includes(s.id) ? ' done' : ''}`}
              onClick={() => void goToStep(k)}
              aria-label={s.title}
            />
          ))}
        </span>
        {i + 1 < lessonSteps.length ? (
          <button type="button" className="btn primary small" onClick={() => void goToStep(i + 1)} data-testid="lesson-next">
            Next →
          </button>
        ) : (
          <button type="button" className="btn small" onClick={closeLesson}>
            Finish
          </button>
        )}
      </footer>
    </aside>
  );
}
