import { toggleTraining } from '../train/trainRun';

/**
 * Ctrl/Cmd+Enter and the top bar's Train button call `requestTrain()`: start a run with the
 * Train panel's settings (it opens the Train tab), or stop the one going. `setTrainHandler`
 * lets a test or another surface take over.
 */
let handler: (() => void) | null = null;

export function setTrainHandler(h: (() => void) | null): void {
  handler = h;
}

export function requestTrain(): void {
  if (handler !== null) handler();
  else toggleTraining();
}
