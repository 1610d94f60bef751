import { showDockTab } from '../state/uiStore';

/**
 * Ctrl/Cmd+Enter and the top bar's Train button call `requestTrain()`. The Train panel (issue 5)
 * registers the real handler with `setTrainHandler`; until then the Train tab is shown.
 */
let handler: (() => void) | null = null;

export function setTrainHandler(h: (() => void) | null): void {
  handler = h;
}

export function requestTrain(): void {
  if (handler !== null) handler();
  else showDockTab('train');
}
