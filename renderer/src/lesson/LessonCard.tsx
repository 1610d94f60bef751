import { getTemplate } from '../../../shared/templates';
import { useRun } from '../train/trainRun';
import { closeLesson, goToStep, useLesson } from './lessonStore';
import { lessonSteps } from './lessonSteps';
import './lesson.css';

/** The guided lesson: a card over the canvas with the step's text, the chapter's figure and the learner's. */
export function LessonCard() {
  const open = useLesson((s) => s.open);
  const i = useLesson((s) => s.step);
  const results = useLesson((s) => s.results);
  const lastAcc = useRun((s) => (s.phase === 'done' ? s.testAccuracy : null));
  const step = lessonSteps[i];
  if (!open || step === undefined) return null;
  const template = getTemplate(step.template);
  const chapter = template?.chapter;
  const mine = results[step.template] ?? null;
  return (
    <aside className="lesson-card" data-testid="lesson-card" aria-label="Guided lesson">
      <header className="lesson-head">
        <span className="lesson-kicker">Lesson · step {i + 1} of {lessonSteps.length}</span>
        <button type="button" className="icon-btn small" onClick={closeLesson} aria-label="Close the lesson">✕</button>
      </header>
      <h3 className="lesson-title">{step.title}</h3>
      {step.text.map((t) => <p key={t}>{t}</p>)}
      {chapter !== undefined && (
        <div className="lesson-compare" data-testid="lesson-compare">
          <div>
            <span className="label">The chapter measured</span>
            <span className="num value">{chapter.reportedAccuracy.toFixed(2)} %</span>
            <span className="muted small">{chapter.split} accuracy, {chapter.training.epochs} epochs, batch {chapter.training.batchSize}</span>
          </div>
          <div>
            <span className="label">You got</span>
            <span className="num value" data-testid="lesson-mine">{mine === null ? (lastAcc === null ? '–' : `${(lastAcc * 100).toFixed(2)} %`) : `${(mine * 100).toFixed(2)} %`}</span>
            <span className="muted small">best test accuracy of your runs</span>
          </div>
        </div>
      )}
      {chapter?.note !== undefined && <p className="muted small">{chapter.note}</p>}
      <footer className="lesson-foot">
        <button type="button" className="btn small" disabled={i === 0} onClick={() => goToStep(i - 1)}>← Back</button>
        <span className="lesson-dots">{lessonSteps.map((s, k) => <button key={s.id} type="button" className={`dot${k === i ? ' active' : ''}`} onClick={() => goToStep(k)} aria-label={s.title} />)}</span>
        {i + 1 < lessonSteps.length
          ? <button type="button" className="btn primary small" onClick={() => goToStep(i + 1)} data-testid="lesson-next">Next →</button>
          : <button type="button" className="btn small" onClick={closeLesson}>Finish</button>}
      </footer>
    </aside>
  );
}
