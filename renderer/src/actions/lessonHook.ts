import { openTemplate } from '../project/projectActions';

/**
 * The empty canvas's "lesson" entry calls `requestLesson()`. The guided lesson sets the handler
 * when the app starts it (`startLesson` in lesson/lessonStore.ts); without it the entry opens the
 * chapter's first model.
 */
let handler: (() => void) | null = null;

export function setLessonHandler(h: (() => void) | null): void {
  handler = h;
}

export function requestLesson(): void {
  if (handler !== null) handler();
  else openTemplate('fc_tf_mnist');
}
