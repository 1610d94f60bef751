import { requestTrain } from '../actions/trainHook';

/**
 * Slot for the Train / Stop button with progress (issue 5 replaces the body of this component;
 * the top bar only places it). For now it opens the Train tab.
 */
export function TrainButtonSlot() {
  return (
    <button type="button" className="btn primary" onClick={requestTrain} title="Train (Ctrl/Cmd+Enter)" data-testid="train-button">
      ▶ Train
    </button>
  );
}
