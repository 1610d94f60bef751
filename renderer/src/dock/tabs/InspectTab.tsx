import { InspectPanel } from '../../inspect/InspectPanel';

/** The Inspect panel (issue 5) lives in renderer/src/inspect/. */
export function InspectTab() {
  return <InspectPanel />;
}
