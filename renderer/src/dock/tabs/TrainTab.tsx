import { TrainPanel } from '../../train/TrainPanel';

/** The Train panel (issue 5) lives in renderer/src/train/. */
export function TrainTab() {
  return <TrainPanel />;
}
