import { toggleTraining } from '../train/trainRun';

/**
 * Ctrl/Cmd+Enter and the top bar's Train button call `requestTrain()`: start a run with the
 * Train panel's settings (it opens the Train tab), or stop the one going.
 */
export function requestTrain(): void {
  toggleTraining();
}
