import { RunsPanel } from '../../runs/RunsPanel';

/** The Runs panel (issue 5) lives in renderer/src/runs/. */
export function RunsTab() {
  return <RunsPanel />;
}
