import type { ComponentType } from 'react';
import type { DockTabId } from '../state/uiStore';
import { ProblemsTab, ProblemsBadge } from './tabs/ProblemsTab';
import { SummaryTab } from './tabs/SummaryTab';
import { TrainTab } from './tabs/TrainTab';
import { InspectTab } from './tabs/InspectTab';
import { RunsTab } from './tabs/RunsTab';

export interface DockTab {
  readonly id: DockTabId;
  readonly title: string;
  readonly Panel: ComponentType;
  /** Optional count or status shown after the title (e.g. number of problems). */
  readonly Badge?: ComponentType;
}

/**
 * The bottom dock's tabs, in UI.md order. Train, Inspect and Runs are their own components in
 * dock/tabs/; replacing a placeholder means editing that one file (or pointing Panel elsewhere).
 */
export const dockTabs: readonly DockTab[] = [
  { id: 'summary', title: 'Summary', Panel: SummaryTab },
  { id: 'problems', title: 'Problems', Panel: ProblemsTab, Badge: ProblemsBadge },
  { id: 'train', title: 'Train', Panel: TrainTab },
  { id: 'inspect', title: 'Inspect', Panel: InspectTab },
  { id: 'runs', title: 'Runs', Panel: RunsTab },
];
